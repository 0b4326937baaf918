package dev.kiln.runtime.loss;

import dev.kiln.dsl.Reduction;

/** {@code nn.HuberLoss}: {@code 0.5 d²} below {@code delta}, {@code delta (|d| - 0.5 delta)} above. */
public final class Huber extends ElementwiseLoss {
  private final float delta;

  private Huber(Reduction reduction, float delta) {
    super(reduction, "HUBER");
    if (!(delta > 0f) || Float.isInfinite(delta)) {
      throw new IllegalArgumentException("delta = " + delta + " is invalid; expected a finite value > 0");
    }
    this.delta = delta;
  }

  /** PyTorch's default delta, 1. */
  public static Huber of(Reduction reduction) {
    return new Huber(reduction, 1f);
  }

  public Huber delta(float delta) {
    return new Huber(reduction, delta);
  }

  @Override
  double term(double x, double y, int col, float[] grad, int i) {
    double d = x - y;
    double a = Math.abs(d);
    if (a < delta) {
      grad[i] = (float) d;
      return 0.5 * d * d;
    }
    grad[i] = (float) (delta * Math.signum(d));
    return delta * (a - 0.5 * delta);
  }
}
