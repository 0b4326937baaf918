package dev.kiln.runtime.loss;

import dev.kiln.dsl.Reduction;

/**
 * {@code nn.CrossEntropyLoss} on logits with class-index targets, fused with its softmax: one pass per
 * row yields the row's loss and {@code d(logits) = (softmax - onehot) / N}.
 */
public final class CrossEntropy {
  private CrossEntropy() {}

  /**
   * Writes the gradient of the reduced loss with respect to {@code logits} into {@code grad} and returns
   * the reduced loss.
   */
  public static float withLogits(float[] logits, int[] targets, float[] grad, int rows, int classes,
      Reduction reduction) {
    Targets.checkClassIndices(targets, rows, classes);
    float scale = reduction == Reduction.MEAN ? 1f / rows : 1f;
    double total = 0;
    for (int r = 0; r < rows; r++) {
      int off = r * classes;
      float max = Float.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) max = Math.max(max, logits[off + c]);
      double sum = 0;
      for (int c = 0; c < classes; c++) sum += Math.exp(logits[off + c] - max);
      double logSum = Math.log(sum);
      float inv = (float) (1.0 / sum);
      for (int c = 0; c < classes; c++) {
        grad[off + c] = (float) Math.exp(logits[off + c] - max) * inv * scale;
      }
      int t = targets[r];
      grad[off + t] -= scale;
      total += logSum - (logits[off + t] - max);
    }
    return (float) (reduction == Reduction.MEAN ? total / rows : total);
  }
}
