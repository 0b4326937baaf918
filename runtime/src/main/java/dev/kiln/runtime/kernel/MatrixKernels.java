package dev.kiln.runtime.kernel;

/**
 * Plain matrix products on one thread, for kernel families that lay out their own operands, such as a
 * convolution's unrolled input, and split their work between threads themselves.
 */
public interface MatrixKernels {
  /**
   * {@code C = A · B}, overwritten, for an [m x k] A and a [k x n] B, where {@code A(i, p) = a[aOff + i·ars +
   * p·acs]} (so A may be read transposed), {@code B(p, j) = b[bOff + p·ldb + j]} and
   * {@code C(i, j) = c[cOff + i·ldc + j]}.
   */
  void multiply(int m, int n, int k, float[] a, int aOff, int ars, int acs, float[] b, int bOff, int ldb, float[] c,
      int cOff, int ldc);

  /**
   * {@code c[i·n + j] = Σ_p a[i·k + p] · b[j·k + p]}, overwritten: each of A's m rows against each of B's n
   * rows, both contiguous along the k they share.
   */
  void multiplyRows(int m, int n, int k, float[] a, float[] b, float[] c);
}
