package dev.kiln.runtime.kernel;

/**
 * Element-wise loops over float arrays that every family shares.
 */
public interface VectorKernels {
  /** {@code Σ_i a[aOff + i] · b[bOff + i]} for {@code i < n}. */
  float dot(float[] a, int aOff, float[] b, int bOff, int n);

  /** {@code y[yOff + i] += alpha · x[xOff + i]} for {@code i < n}. */
  void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n);

  /** ReLU's backward pass over {@code n} values: {@code dy = 0} where the output {@code y} is not above 0. */
  void reluBackward(float[] y, float[] dy, int n);

  /**
   * {@code nn.GELU()} on {@code z[off, off + n)} into {@code y} (which may be {@code z}): {@code x · ½(1 +
   * erf(x/√2))}, erf as PyTorch's vectorized CPU kernels compute it in float (Abramowitz and Stegun 7.1.26,
   * within 1.5e-7 of erf).
   */
  void gelu(float[] z, float[] y, int off, int n);

  /** GELU's backward pass, in place: {@code dy · (Φ(x) + x · φ(x))}, Φ as {@link #gelu} computes it. */
  void geluBackward(float[] z, float[] dy, int off, int n);

}
