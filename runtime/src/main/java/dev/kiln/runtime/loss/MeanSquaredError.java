package dev.kiln.runtime.loss;

import dev.kiln.dsl.Reduction;

/** {@code nn.MSELoss}: {@code (x - y)²}. */
public final class MeanSquaredError extends ElementwiseLoss {
  private MeanSquaredError(Reduction reduction) {
    super(reduction, "MSE");
  }

  public static MeanSquaredError of(Reduction reduction) {
    return new MeanSquaredError(reduction);
  }

  @Override
  double term(double x, double y, int col, float[] grad, int i) {
    double d = x - y;
    grad[i] = (float) (2 * d);
    return d * d;
  }
}
