package dev.kiln.runtime.loss;

import dev.kiln.dsl.Reduction;

/** {@code nn.SmoothL1Loss}: {@code 0.5 d² / beta} below {@code beta}, {@code |d| - 0.5 beta} above; L1 at beta 0. */
public final class SmoothL1 extends ElementwiseLoss {
  private final float beta;

  private SmoothL1(Reduction reduction, float beta) {
    super(reduction, "SMOOTH_L1");
    this.beta = Options.atLeast("beta", beta, 0f);
  }

  /** PyTorch's default beta, 1. */
  public static SmoothL1 of(Reduction reduction) {
    return new SmoothL1(reduction, 1f);
  }

  public SmoothL1 beta(float beta) {
    return new SmoothL1(reduction, beta);
  }

  @Override
  double term(double x, double y, int col, float[] grad, int i) {
    double d = x - y;
    double a = Math.abs(d);
    if (a < beta) {
      grad[i] = (float) (d / beta);
      return 0.5 * d * d / beta;
    }
    grad[i] = (float) Math.signum(d);
    return a - 0.5 * beta;
  }
}
