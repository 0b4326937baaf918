package dev.kiln.runtime.kernel;

/**
 * GELU's erf as PyTorch's vectorized CPU kernels compute it in float (Abramowitz and Stegun 7.1.26: within
 * 1.5e-7 of erf), shared by the scalar and the Vector API kernels so that both round alike.
 */
final class Gelus {
  static final float SQRT_HALF = 0.70710678f;
  static final float INV_SQRT_2PI = 0.39894228f;
  static final float P = 0.3275911f;
  static final float A1 = 0.254829592f;
  static final float A2 = -0.284496736f;
  static final float A3 = 1.421413741f;
  static final float A4 = -1.453152027f;
  static final float A5 = 1.061405429f;

  private Gelus() {}

  /** GELU of one value: {@code x · ½(1 + erf(x/√2))}. */
  static float gelu(float x) {
    float u = x * SQRT_HALF;
    return x * 0.5f * (1f + erf(u, (float) Math.exp(-(u * u))));
  }

  /** GELU's derivative at x: {@code Φ(x) + x · φ(x)}, Φ as {@link #gelu} computes it. */
  static float derivative(float x) {
    float u = x * SQRT_HALF;
    float e = (float) Math.exp(-(u * u));
    float cdf = 0.5f * (1f + erf(u, e));
    return Math.fma(x, INV_SQRT_2PI * e, cdf);
  }

  /** erf(u), given {@code e = exp(-u²)}: sign(u) · (1 - t · r(t) · e), t = 1 / (1 + P·|u|). */
  static float erf(float u, float e) {
    float t = 1f / Math.fma(P, Math.abs(u), 1f);
    float r = Math.fma(Math.fma(Math.fma(Math.fma(A5, t, A4), t, A3), t, A2), t, A1);
    return Math.copySign(Math.fma(-e * t, r, 1f), u);
  }
}
