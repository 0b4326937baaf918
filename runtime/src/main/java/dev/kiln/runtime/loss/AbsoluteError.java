package dev.kiln.runtime.loss;

import dev.kiln.dsl.Reduction;

/** {@code nn.L1Loss}: {@code |x - y|}, with gradient 0 where they are equal. */
public final class AbsoluteError extends ElementwiseLoss {
  private AbsoluteError(Reduction reduction) {
    super(reduction, "L1");
  }

  public static AbsoluteError of(Reduction reduction) {
    return new AbsoluteError(reduction);
  }

  @Override
  double term(double x, double y, int col, float[] grad, int i) {
    double d = x - y;
    grad[i] = (float) Math.signum(d);
    return Math.abs(d);
  }
}
