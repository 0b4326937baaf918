package dev.kiln.runtime.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register tile of {@link PanamaPackedProduct} on machines with 16 vector registers (AVX2): 6 rows by
 * 2 vectors of C in 12 accumulators, 2 for B's vectors and one for A's broadcast value.
 */
final class Tile6x2 {
  private static final VectorSpecies<Float> S = VectorShape.FLOATS;
  private static final int L = S.length();

  private Tile6x2() {}

  /**
   * 6 rows by 2 vectors of C from a panel of A (6 values per step, {@code a[panel..]}) and a strip of
   * B (2 vectors per step, {@code b[strip..]}), over {@code kc} steps: C's tile at {@code c[at]}, rows
   * {@code ldc} apart, is overwritten when {@code first}, and added to otherwise.
   */
  static void run(float[] a, int panel, float[] b, int strip, int kc, float[] c, int at, int ldc,
      boolean first) {
    FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
    if (first) {
      c00 = FloatVector.zero(S); c01 = FloatVector.zero(S);
      c10 = FloatVector.zero(S); c11 = FloatVector.zero(S);
      c20 = FloatVector.zero(S); c21 = FloatVector.zero(S);
      c30 = FloatVector.zero(S); c31 = FloatVector.zero(S);
      c40 = FloatVector.zero(S); c41 = FloatVector.zero(S);
      c50 = FloatVector.zero(S); c51 = FloatVector.zero(S);
    } else {
      c00 = FloatVector.fromArray(S, c, at); c01 = FloatVector.fromArray(S, c, at + L);
      c10 = FloatVector.fromArray(S, c, at + ldc); c11 = FloatVector.fromArray(S, c, at + ldc + L);
      c20 = FloatVector.fromArray(S, c, at + 2 * ldc); c21 = FloatVector.fromArray(S, c, at + 2 * ldc + L);
      c30 = FloatVector.fromArray(S, c, at + 3 * ldc); c31 = FloatVector.fromArray(S, c, at + 3 * ldc + L);
      c40 = FloatVector.fromArray(S, c, at + 4 * ldc); c41 = FloatVector.fromArray(S, c, at + 4 * ldc + L);
      c50 = FloatVector.fromArray(S, c, at + 5 * ldc); c51 = FloatVector.fromArray(S, c, at + 5 * ldc + L);
    }
    for (int q = 0, ap = panel, bp = strip; q < kc; q++, ap += 6, bp += 2 * L) {
      FloatVector b0 = FloatVector.fromArray(S, b, bp); FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
      FloatVector s = FloatVector.broadcast(S, a[ap]);
      c00 = b0.fma(s, c00); c01 = b1.fma(s, c01);
      s = FloatVector.broadcast(S, a[ap + 1]);
      c10 = b0.fma(s, c10); c11 = b1.fma(s, c11);
      s = FloatVector.broadcast(S, a[ap + 2]);
      c20 = b0.fma(s, c20); c21 = b1.fma(s, c21);
      s = FloatVector.broadcast(S, a[ap + 3]);
      c30 = b0.fma(s, c30); c31 = b1.fma(s, c31);
      s = FloatVector.broadcast(S, a[ap + 4]);
      c40 = b0.fma(s, c40); c41 = b1.fma(s, c41);
      s = FloatVector.broadcast(S, a[ap + 5]);
      c50 = b0.fma(s, c50); c51 = b1.fma(s, c51);
    }
    c00.intoArray(c, at); c01.intoArray(c, at + L);
    c10.intoArray(c, at + ldc); c11.intoArray(c, at + ldc + L);
    c20.intoArray(c, at + 2 * ldc); c21.intoArray(c, at + 2 * ldc + L);
    c30.intoArray(c, at + 3 * ldc); c31.intoArray(c, at + 3 * ldc + L);
    c40.intoArray(c, at + 4 * ldc); c41.intoArray(c, at + 4 * ldc + L);
    c50.intoArray(c, at + 5 * ldc); c51.intoArray(c, at + 5 * ldc + L);
  }
}
