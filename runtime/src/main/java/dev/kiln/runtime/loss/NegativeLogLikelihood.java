package dev.kiln.runtime.loss;

import dev.kiln.dsl.Reduction;

/** {@code nn.NLLLoss}: the negated log-probability of each row's target class. */
public final class NegativeLogLikelihood {
  private NegativeLogLikelihood() {}

  /** Writes d(loss)/d(logProbabilities) into {@code grad} and returns the reduced loss. */
  public static float of(float[] logProbabilities, int[] targets, float[] grad, int rows, int classes,
      Reduction reduction) {
    Targets.checkClassIndices(targets, rows, classes);
    float scale = reduction == Reduction.MEAN ? 1f / rows : 1f;
    java.util.Arrays.fill(grad, 0, rows * classes, 0f);
    double total = 0;
    for (int r = 0; r < rows; r++) {
      int i = r * classes + targets[r];
      total -= logProbabilities[i];
      grad[i] = -scale;
    }
    return (float) (reduction == Reduction.MEAN ? total / rows : total);
  }
}
