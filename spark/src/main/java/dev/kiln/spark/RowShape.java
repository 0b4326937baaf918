package dev.kiln.spark;

import java.io.Serializable;

/**
 * What each {@link Example} must hold for the model being trained: {@code inputs} features (finite) or token
 * ids, and a class index in [0, outputs) (or the loss's {@code ignoreIndex}) when {@code labels}, else
 * {@code outputs} float targets.
 */
record RowShape(int inputs, boolean labels, int outputs, boolean tokens, int ignoreIndex)
    implements Serializable {
  /**
   * Throws, naming the row and what was expected, when {@code row} is of the wrong kind for the model (a
   * mistake in the program, never skipped): null, tokens for features or the reverse, a class index for float
   * targets or the reverse.
   */
  void checkKind(Example row, int partition, long index) {
    if (row == null) {
      throw new IllegalArgumentException("row " + index + " of partition " + partition + " is null; expected an Example");
    }
    if (row.hasTokens() != tokens) {
      throw new IllegalArgumentException("row " + index + " of partition " + partition + " holds "
          + (row.hasTokens() ? "token ids, but the model reads features; expected Example.of(x, ...)"
              : "features, but the model reads token ids; expected Example.ofTokens(tokens, label)"));
    }
    if (labels && !row.hasLabel()) {
      throw new IllegalArgumentException("row " + index + " of partition " + partition + " holds float targets, but"
          + " the model's loss takes a class index; expected Example.of(x, label)");
    }
    if (!labels && row.hasLabel()) {
      throw new IllegalArgumentException("row " + index + " of partition " + partition + " holds a class index, but"
          + " the model's loss takes float targets; expected Example.of(x, target)");
    }
  }

  /**
   * What is wrong with the values of a row of the right kind, as the rest of a sentence that begins with the
   * row ("has 5 features; the model takes 6"), or null when nothing is: the rows
   * {@link SparkFitOptions#skipInvalidRows} may drop.
   */
  String invalidity(Example row) {
    int width = tokens ? row.tokens().length : row.features().length;
    if (width != inputs) {
      return "has " + width + (tokens ? " token ids" : " features") + "; the model takes " + inputs;
    }
    if (!tokens) {
      float[] x = row.features();
      for (int i = 0; i < x.length; i++) {
        if (!Float.isFinite(x[i])) return "has feature " + i + " = " + x[i] + "; expected a finite value";
      }
    }
    if (labels) {
      int label = row.label();
      if ((label < 0 || label >= outputs) && label != ignoreIndex) {
        return "has class index " + label + "; expected a value in [0, " + outputs + ") or the ignored class "
            + ignoreIndex;
      }
    } else if (row.target().length != outputs) {
      return "has " + row.target().length + " targets; the model has " + outputs + " outputs";
    }
    return null;
  }
}
