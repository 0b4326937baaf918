package dev.kiln.runtime.loss;

import dev.kiln.dsl.Reduction;

/** {@code nn.L1Loss}: absolute differences, element-wise over the output. */
public final class AbsoluteError {
  private AbsoluteError() {}

  /** Writes d(loss)/d(output) into {@code grad} (0 where output equals target) and returns the reduced loss. */
  public static float of(float[] output, float[] targets, float[] grad, int rows, int cols,
      Reduction reduction) {
    int n = rows * cols;
    Targets.checkSameShape(targets, n, rows, cols);
    float scale = reduction == Reduction.MEAN ? 1f / n : 1f;
    double total = 0;
    for (int i = 0; i < n; i++) {
      float d = output[i] - targets[i];
      total += Math.abs(d);
      grad[i] = Math.signum(d) * scale;
    }
    return (float) (reduction == Reduction.MEAN ? total / n : total);
  }
}
