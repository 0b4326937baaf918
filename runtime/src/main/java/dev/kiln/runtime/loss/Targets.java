package dev.kiln.runtime.loss;

/** Checks on the targets a loss receives, with messages that name the value and what was expected. */
final class Targets {
  private Targets() {}

  static void checkClassIndices(int[] targets, int rows, int classes) {
    if (targets.length != rows) {
      throw new IllegalArgumentException("targets has " + targets.length
          + " class indices but the batch has " + rows + " rows; expected one class index per row");
    }
    for (int r = 0; r < rows; r++) {
      if (targets[r] < 0 || targets[r] >= classes) {
        throw new IllegalArgumentException("targets[" + r + "] = " + targets[r]
            + " is not a class index; expected a value in [0, " + classes + ")");
      }
    }
  }

  static void checkSameShape(float[] targets, int n, int rows, int cols) {
    if (targets.length != n) {
      throw new IllegalArgumentException("targets has " + targets.length + " values but the output has "
          + n + " (" + rows + " rows x " + cols + "); expected one target per output");
    }
  }
}
