package dev.kiln.runtime.kernel;

/**
 * The fused losses on plain Java, in double precision: the reference the Vector API ones are tested
 * against, and what those run for batches smaller than a vector.
 */
final class ScalarLossKernels implements LossKernels {
  @Override
  public float crossEntropyT(float[] zT, int[] targets, float[] gT, int rows, int classes, int ignoreIndex,
      boolean mean) {
    return crossEntropy(zT, targets, gT, rows, classes, 1, rows, ignoreIndex, mean);
  }

  @Override
  public float crossEntropy(float[] z, int[] targets, float[] g, int rows, int classes, int ignoreIndex,
      boolean mean) {
    return crossEntropy(z, targets, g, rows, classes, classes, 1, ignoreIndex, mean);
  }

  /** Cross-entropy in double precision, logit (r, c) at {@code r·rowStride + c·classStride}. */
  private static float crossEntropy(float[] z, int[] targets, float[] g, int rows, int classes, int rowStride,
      int classStride, int ignoreIndex, boolean mean) {
    int counted = 0;
    for (int r = 0; r < rows; r++) if (targets[r] != ignoreIndex) counted++;
    if (mean && counted == 0) {
      java.util.Arrays.fill(g, 0, rows * classes, 0f);
      return Float.NaN;
    }
    double scale = mean ? 1.0 / counted : 1.0;
    double loss = 0;
    for (int r = 0; r < rows; r++) {
      int row = r * rowStride;
      int t = targets[r];
      if (t == ignoreIndex) {
        for (int c = 0; c < classes; c++) g[row + c * classStride] = 0f;
        continue;
      }
      float max = Float.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) max = Math.max(max, z[row + c * classStride]);
      double sum = 0;
      for (int c = 0; c < classes; c++) sum += Math.exp(z[row + c * classStride] - max);
      loss += max + Math.log(sum) - z[row + t * classStride];
      for (int c = 0; c < classes; c++) {
        double softmax = Math.exp(z[row + c * classStride] - max) / sum;
        g[row + c * classStride] = (float) ((softmax - (c == t ? 1 : 0)) * scale);
      }
    }
    return (float) (loss * scale);
  }

  @Override
  public float bceWithLogits(float[] x, float[] y, float[] grad, int n, float scale) {
    double total = 0;
    for (int i = 0; i < n; i++) {
      double v = x[i];
      double e = Math.exp(-Math.abs(v));
      double sigmoid = v >= 0 ? 1 / (1 + e) : e / (1 + e);
      total += (1 - y[i]) * v - (Math.min(v, 0) - Math.log1p(e));
      grad[i] = (float) ((sigmoid - y[i]) * scale);
    }
    return (float) (total * scale);
  }
}
