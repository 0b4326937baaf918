package dev.kiln.runtime.loss;

import dev.kiln.dsl.Reduction;

/** {@code nn.BCELoss} on probabilities: each log clamped at -100 as PyTorch does, optional per-output weights. */
public final class BinaryCrossEntropy extends ElementwiseLoss {
  /** PyTorch's floor on each log, so a confident mistake costs 100, not infinity. */
  private static final double LOG_FLOOR = -100;
  /** PyTorch's floor on {@code p(1-p)} in the gradient. */
  private static final double GRAD_EPS = 1e-12;

  private final float[] weight;

  private BinaryCrossEntropy(Reduction reduction, float[] weight) {
    super(reduction, "BCE");
    this.weight = weight;
  }

  public static BinaryCrossEntropy of(Reduction reduction) {
    return new BinaryCrossEntropy(reduction, null);
  }

  /** One weight per output, applied to every row. */
  public BinaryCrossEntropy weight(float... weight) {
    return new BinaryCrossEntropy(reduction, Options.copy(weight));
  }

  @Override
  void checkWidth(int cols) {
    Targets.checkPerOutput("weight", weight, cols, false);
  }

  @Override
  double term(double p, double y, int col, float[] grad, int i) {
    double w = weight == null ? 1 : weight[col];
    double logP = Math.max(Math.log(p), LOG_FLOOR);
    double log1mP = Math.max(Math.log1p(-p), LOG_FLOOR);
    grad[i] = (float) (w * (p - y) / Math.max((1 - p) * p, GRAD_EPS));
    return -w * (y * logP + (1 - y) * log1mP);
  }
}
