package dev.kiln.runtime.loss;

import dev.kiln.dsl.Reduction;

/**
 * {@code nn.KLDivLoss} on log-probabilities: {@code y (log y - x)}, 0 where y is 0, or with
 * log-probability targets {@code e^y (y - x)}. {@code BATCHMEAN} is the true divergence per row.
 */
public final class KlDivergence extends ElementwiseLoss {
  private final boolean logTarget;

  private KlDivergence(Reduction reduction, boolean logTarget) {
    super(reduction);
    this.logTarget = logTarget;
  }

  public static KlDivergence of(Reduction reduction) {
    return new KlDivergence(reduction, false);
  }

  /** Whether the targets are log-probabilities. */
  public KlDivergence logTarget(boolean logTarget) {
    return new KlDivergence(reduction, logTarget);
  }

  @Override
  double term(double x, double y, int col, float[] grad, int i) {
    if (logTarget) {
      double p = Math.exp(y);
      grad[i] = (float) -p;
      return p * (y - x);
    }
    grad[i] = (float) -y;
    return (y == 0 ? 0 : y * Math.log(y)) - y * x;
  }
}
