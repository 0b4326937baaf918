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

}
