package dev.kiln.spark;

import java.io.Serializable;

/**
 * What each {@link Example} must hold for the model being trained: {@code inputs} features, and a class
 * index when {@code labels}, else {@code targets} float targets.
 */
record RowShape(int inputs, boolean labels, int targets, boolean tokens) implements Serializable {
  /** Throws, naming the row and what was expected, when {@code row} does not fit. */
  void check(Example row, int partition, long index) {
    if (row == null) {
      throw new IllegalArgumentException("row " + index + " of partition " + partition + " is null; expected an Example");
    }
    if (row.hasTokens() != tokens) {
      throw new IllegalArgumentException("row " + index + " of partition " + partition + " holds "
          + (row.hasTokens() ? "token ids, but the model reads features; expected Example.of(x, ...)"
              : "features, but the model reads token ids; expected Example.ofTokens(tokens, label)"));
    }
    int width = tokens ? row.tokens().length : row.features().length;
    if (width != inputs) {
      throw new IllegalArgumentException("row " + index + " of partition " + partition + " has " + width
          + (tokens ? " token ids" : " features") + "; the model takes " + inputs);
    }
    if (labels && !row.hasLabel()) {
      throw new IllegalArgumentException("row " + index + " of partition " + partition + " holds float targets, but"
          + " the model's loss takes a class index; expected Example.of(x, label)");
    }
    if (!labels && row.hasLabel()) {
      throw new IllegalArgumentException("row " + index + " of partition " + partition + " holds a class index, but"
          + " the model's loss takes float targets; expected Example.of(x, target)");
    }
    if (!labels && row.target().length != targets) {
      throw new IllegalArgumentException("row " + index + " of partition " + partition + " has "
          + row.target().length + " targets; the model has " + targets + " outputs");
    }
  }
}
