package dev.kiln.runtime.loss;

import dev.kiln.dsl.Reduction;

/** {@code nn.MSELoss}: squared differences, element-wise over the output. */
public final class MeanSquaredError {
  private MeanSquaredError() {}

  /** Writes d(loss)/d(output) into {@code grad} and returns the reduced loss. */
  public static float of(float[] output, float[] targets, float[] grad, int rows, int cols,
      Reduction reduction) {
    int n = rows * cols;
    Targets.checkSameShape(targets, n, rows, cols);
    float scale = reduction == Reduction.MEAN ? 2f / n : 2f;
    double total = 0;
    for (int i = 0; i < n; i++) {
      float d = output[i] - targets[i];
      total += (double) d * d;
      grad[i] = d * scale;
    }
    return (float) (reduction == Reduction.MEAN ? total / n : total);
  }
}
