package dev.kiln.runtime.loss;

import dev.kiln.dsl.Reduction;

/** Checks on the targets a loss receives, with messages that name the value and what was expected. */
final class Targets {
  private Targets() {}

  /**
   * What a weighted mean over class-index targets divides by: the class weights (1 without) of the targets
   * not ignored; 1 under {@code SUM}, which divides by nothing.
   */
  static double classWeightSum(int[] targets, int rows, float[] weight, int ignoreIndex, Reduction reduction) {
    if (reduction == Reduction.SUM) return 1;
    double weights = 0;
    for (int r = 0; r < rows; r++) {
      if (targets[r] != ignoreIndex) weights += weight == null ? 1.0 : weight[targets[r]];
    }
    return weights;
  }

  static void checkClassIndices(int[] targets, int rows, int classes, int ignoreIndex) {
    if (targets.length != rows) {
      throw new IllegalArgumentException("targets has " + targets.length
          + " class indices but the batch has " + rows + " rows; expected one class index per row");
    }
    for (int r = 0; r < rows; r++) {
      int t = targets[r];
      if ((t < 0 || t >= classes) && t != ignoreIndex) {
        throw new IllegalArgumentException("targets[" + r + "] = " + t + " is not a class index; expected a value in [0, "
            + classes + ")" + (ignoreIndex >= 0 ? " or the ignored class " + ignoreIndex : ""));
      }
    }
  }

  static void checkSameShape(float[] targets, int rows, int cols) {
    int n = rows * cols;
    if (targets.length != n) {
      throw new IllegalArgumentException("targets has " + targets.length + " values but the output has "
          + n + " (" + rows + " rows x " + cols + "); expected one target per output");
    }
  }

  /** Per-output weights must have one value per output (or, where {@code oneAllowed}, a single value). */
  static void checkPerOutput(String name, float[] weights, int cols, boolean oneAllowed) {
    if (weights != null && weights.length != cols && !(oneAllowed && weights.length == 1)) {
      throw new IllegalArgumentException(name + " has " + weights.length + " values; expected " + cols
          + " (one per output)" + (oneAllowed ? " or 1" : ""));
    }
  }
}
