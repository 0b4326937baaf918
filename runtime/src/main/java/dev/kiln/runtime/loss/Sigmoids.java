package dev.kiln.runtime.loss;

/** The logistic function and its logarithm in double precision, finite for every finite input. */
final class Sigmoids {
  private Sigmoids() {}

  static double sigmoid(double x) {
    return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
  }

  /** {@code log σ(x) = min(x, 0) - log(1 + e^-|x|)}. */
  static double logSigmoid(double x) {
    return Math.min(x, 0) - Math.log1p(Math.exp(-Math.abs(x)));
  }
}
