package dev.kiln.runtime.seq;

import dev.kiln.runtime.kernel.VectorMath;
import dev.kiln.runtime.kernel.VectorShape;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Attention's loops on the Vector API. The product is register-tiled: four rows of {@code a} against two
 * vectors of {@code b}'s columns at a time, eight accumulators, each {@code b} load shared by four rows;
 * columns past the last whole vector are summed one by one, in the same order.
 */
final class PanamaAttentionKernels implements AttentionKernels {
  private static final VectorSpecies<Float> S = VectorShape.FLOATS;
  private static final int L = VectorShape.LANES;

  @Override
  public void product(float[] a, int aOff, int aStride, float[] b, int bOff, int bStride, float[] c, int cOff,
      int cStride, int m, int n, int k) {
    int whole = n - n % L;
    int i = 0;
    for (; i + 4 <= m; i += 4) {
      int j = 0;
      for (; j + 2 * L <= whole; j += 2 * L) block4x2(a, aOff + i * aStride, aStride, b, bOff + j, bStride, c, cOff + i * cStride + j, cStride, k);
      for (; j < whole; j += L) block4x1(a, aOff + i * aStride, aStride, b, bOff + j, bStride, c, cOff + i * cStride + j, cStride, k);
      for (int r = i; r < i + 4; r++) scalarColumns(a, aOff + r * aStride, b, bOff, bStride, c, cOff + r * cStride, whole, n, k);
    }
    for (; i < m; i++) {
      int ai = aOff + i * aStride;
      int ci = cOff + i * cStride;
      for (int j = 0; j < whole; j += L) {
        FloatVector acc = FloatVector.zero(S);
        for (int p = 0; p < k; p++) {
          acc = FloatVector.fromArray(S, b, bOff + p * bStride + j).fma(FloatVector.broadcast(S, a[ai + p]), acc);
        }
        acc.intoArray(c, ci + j);
      }
      scalarColumns(a, ai, b, bOff, bStride, c, ci, whole, n, k);
    }
  }

  private static void block4x2(float[] a, int a0, int aStride, float[] b, int b0, int bStride, float[] c, int c0,
      int cStride, int k) {
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = FloatVector.zero(S);
    FloatVector c10 = FloatVector.zero(S);
    FloatVector c11 = FloatVector.zero(S);
    FloatVector c20 = FloatVector.zero(S);
    FloatVector c21 = FloatVector.zero(S);
    FloatVector c30 = FloatVector.zero(S);
    FloatVector c31 = FloatVector.zero(S);
    int a1 = a0 + aStride;
    int a2 = a1 + aStride;
    int a3 = a2 + aStride;
    for (int p = 0; p < k; p++) {
      int bp = b0 + p * bStride;
      FloatVector v0 = FloatVector.fromArray(S, b, bp);
      FloatVector v1 = FloatVector.fromArray(S, b, bp + L);
      FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
      c00 = v0.fma(x, c00);
      c01 = v1.fma(x, c01);
      x = FloatVector.broadcast(S, a[a1 + p]);
      c10 = v0.fma(x, c10);
      c11 = v1.fma(x, c11);
      x = FloatVector.broadcast(S, a[a2 + p]);
      c20 = v0.fma(x, c20);
      c21 = v1.fma(x, c21);
      x = FloatVector.broadcast(S, a[a3 + p]);
      c30 = v0.fma(x, c30);
      c31 = v1.fma(x, c31);
    }
    c00.intoArray(c, c0);
    c01.intoArray(c, c0 + L);
    c10.intoArray(c, c0 + cStride);
    c11.intoArray(c, c0 + cStride + L);
    c20.intoArray(c, c0 + 2 * cStride);
    c21.intoArray(c, c0 + 2 * cStride + L);
    c30.intoArray(c, c0 + 3 * cStride);
    c31.intoArray(c, c0 + 3 * cStride + L);
  }

  private static void block4x1(float[] a, int a0, int aStride, float[] b, int b0, int bStride, float[] c, int c0,
      int cStride, int k) {
    FloatVector c0v = FloatVector.zero(S);
    FloatVector c1v = FloatVector.zero(S);
    FloatVector c2v = FloatVector.zero(S);
    FloatVector c3v = FloatVector.zero(S);
    int a1 = a0 + aStride;
    int a2 = a1 + aStride;
    int a3 = a2 + aStride;
    for (int p = 0; p < k; p++) {
      FloatVector v = FloatVector.fromArray(S, b, b0 + p * bStride);
      c0v = v.fma(FloatVector.broadcast(S, a[a0 + p]), c0v);
      c1v = v.fma(FloatVector.broadcast(S, a[a1 + p]), c1v);
      c2v = v.fma(FloatVector.broadcast(S, a[a2 + p]), c2v);
      c3v = v.fma(FloatVector.broadcast(S, a[a3 + p]), c3v);
    }
    c0v.intoArray(c, c0);
    c1v.intoArray(c, c0 + cStride);
    c2v.intoArray(c, c0 + 2 * cStride);
    c3v.intoArray(c, c0 + 3 * cStride);
  }

  /** Columns {@code from} to {@code n} of one row, each sum in {@code k}'s order with fused steps, as a lane's. */
  private static void scalarColumns(float[] a, int ai, float[] b, int bOff, int bStride, float[] c, int ci,
      int from, int n, int k) {
    for (int j = from; j < n; j++) {
      float sum = 0f;
      for (int p = 0; p < k; p++) sum = Math.fma(a[ai + p], b[bOff + p * bStride + j], sum);
      c[ci + j] = sum;
    }
  }

  @Override
  public void softmaxRows(float[] s, int off, int m, int n) {
    int whole = n - n % L;
    for (int i = 0; i < m; i++) {
      int row = off + i * n;
      float max = Float.NEGATIVE_INFINITY;
      for (int j = 0; j < n; j++) max = Math.max(max, s[row + j]);
      if (max == Float.NEGATIVE_INFINITY) {
        java.util.Arrays.fill(s, row, row + n, 0f);
        continue;
      }
      for (int j = 0; j < whole; j += L) {
        FloatVector.fromArray(S, s, row + j).sub(max).intoArray(s, row + j);
        VectorMath.exp(s, row + j);
      }
      for (int j = whole; j < n; j++) s[row + j] = (float) Math.exp(s[row + j] - max);
      // Added one by one: the same order in every tier (a lane reduction's order is not fixed).
      float sum = 0f;
      for (int j = 0; j < n; j++) sum += s[row + j];
      float inverse = 1f / sum;
      for (int j = 0; j < whole; j += L) FloatVector.fromArray(S, s, row + j).mul(inverse).intoArray(s, row + j);
      for (int j = whole; j < n; j++) s[row + j] *= inverse;
    }
  }
}
