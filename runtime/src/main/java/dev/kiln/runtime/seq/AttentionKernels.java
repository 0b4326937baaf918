package dev.kiln.runtime.seq;

import dev.kiln.runtime.kernel.KernelProvider;

/**
 * Attention's per-head loops: products of small matrices that lie inside bigger ones (a head's queries,
 * keys and values are a few columns of each position's projections), and softmax along rows of scores.
 * One head of one sequence is a few [length x headDim] and [length x length] products, too small for
 * the linear kernels' packing and threads: these run on the calling thread. One implementation on plain
 * Java loops, one on the Vector API, chosen as the other kernels are.
 */
public interface AttentionKernels {
  /** The Vector API implementation where the other kernels are the Vector API ones, else the scalar one. */
  static AttentionKernels chosen() {
    return KernelProvider.vectorized() ? new PanamaAttentionKernels() : new ScalarAttentionKernels();
  }

  /**
   * {@code c = a · b}, overwriting {@code c}: {@code a} [m x k], {@code b} [k x n], {@code c} [m x n], each
   * row-major from its offset with its own row stride. Each element's sum runs over {@code k} in order,
   * so a value does not depend on which thread computes it or on what else is computed with it.
   */
  void product(float[] a, int aOff, int aStride, float[] b, int bOff, int bStride, float[] c, int cOff,
      int cStride, int m, int n, int k);

  /**
   * Softmax along each of {@code m} rows of {@code n} values at {@code s[off + i · n]}, in place:
   * {@code e^(x - max) / Σ}. A row whose values are all -∞ (every key masked) becomes zeros.
   */
  void softmaxRows(float[] s, int off, int m, int n);
}
