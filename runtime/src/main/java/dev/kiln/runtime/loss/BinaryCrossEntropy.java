package dev.kiln.runtime.loss;

import dev.kiln.dsl.Reduction;

/** {@code nn.BCEWithLogitsLoss} and {@code nn.BCELoss}, element-wise over the output. */
public final class BinaryCrossEntropy {
  /** PyTorch clamps each log of {@code nn.BCELoss} here, so a confident mistake costs 100, not infinity. */
  private static final double LOG_FLOOR = -100;
  /** PyTorch's floor on {@code p(1-p)} in the gradient of {@code nn.BCELoss}. */
  private static final double GRAD_EPS = 1e-12;

  private BinaryCrossEntropy() {}

  /**
   * Sigmoid and binary cross-entropy in one pass, in the stable form
   * {@code (1-y)x - log σ(x)}; the gradient is {@code (σ(x) - y) / N}.
   */
  public static float withLogits(float[] logits, float[] targets, float[] grad, int rows, int cols,
      Reduction reduction) {
    int n = rows * cols;
    Targets.checkSameShape(targets, n, rows, cols);
    float scale = reduction == Reduction.MEAN ? 1f / n : 1f;
    double total = 0;
    for (int i = 0; i < n; i++) {
      double x = logits[i];
      double y = targets[i];
      total += (1 - y) * x - logSigmoid(x);
      grad[i] = (float) (sigmoid(x) - y) * scale;
    }
    return (float) (reduction == Reduction.MEAN ? total / n : total);
  }

  /** Binary cross-entropy on probabilities, each log clamped at -100 as PyTorch does. */
  public static float ofProbabilities(float[] probabilities, float[] targets, float[] grad, int rows,
      int cols, Reduction reduction) {
    int n = rows * cols;
    Targets.checkSameShape(targets, n, rows, cols);
    float scale = reduction == Reduction.MEAN ? 1f / n : 1f;
    double total = 0;
    for (int i = 0; i < n; i++) {
      double p = probabilities[i];
      double y = targets[i];
      double logP = Math.max(Math.log(p), LOG_FLOOR);
      double log1mP = Math.max(Math.log1p(-p), LOG_FLOOR);
      total -= y * logP + (1 - y) * log1mP;
      grad[i] = (float) ((p - y) / Math.max((1 - p) * p, GRAD_EPS)) * scale;
    }
    return (float) (reduction == Reduction.MEAN ? total / n : total);
  }

  static double sigmoid(double x) {
    return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
  }

  /** {@code log σ(x)}, finite for every finite x. */
  static double logSigmoid(double x) {
    return Math.min(x, 0) - Math.log1p(Math.exp(-Math.abs(x)));
  }
}
