package dev.kiln.runtime.kernel;

import static dev.kiln.runtime.kernel.VectorShape.NEGATIVE_ZERO;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register tile of {@link PanamaPackedProduct} on machines with 32 vector registers (AVX-512): 8 rows
 * by 3 vectors of C in 24 accumulators, 3 for B's vectors and one for A's broadcast value.
 */
final class Tile8x3 {
  private static final VectorSpecies<Float> S = VectorShape.FLOATS;
  private static final int L = S.length();

  private Tile8x3() {}

  /**
   * 8 rows by 3 vectors of C from a panel of A (8 values per step, {@code a[panel..]}) and a strip of
   * B (3 vectors per step, {@code b[strip..]}), over {@code kc} steps: C's tile at {@code c[at]}, rows
   * {@code ldc} apart, is overwritten when {@code first}, and added to otherwise.
   */
  static void run(float[] a, int panel, float[] b, int strip, int kc, float[] c, int at, int ldc,
      boolean first) {
    FloatVector c00, c01, c02, c10, c11, c12, c20, c21, c22, c30, c31, c32;
    FloatVector c40, c41, c42, c50, c51, c52, c60, c61, c62, c70, c71, c72;
    if (first) {
      c00 = FloatVector.zero(S); c01 = FloatVector.zero(S); c02 = FloatVector.zero(S);
      c10 = FloatVector.zero(S); c11 = FloatVector.zero(S); c12 = FloatVector.zero(S);
      c20 = FloatVector.zero(S); c21 = FloatVector.zero(S); c22 = FloatVector.zero(S);
      c30 = FloatVector.zero(S); c31 = FloatVector.zero(S); c32 = FloatVector.zero(S);
      c40 = FloatVector.zero(S); c41 = FloatVector.zero(S); c42 = FloatVector.zero(S);
      c50 = FloatVector.zero(S); c51 = FloatVector.zero(S); c52 = FloatVector.zero(S);
      c60 = FloatVector.zero(S); c61 = FloatVector.zero(S); c62 = FloatVector.zero(S);
      c70 = FloatVector.zero(S); c71 = FloatVector.zero(S); c72 = FloatVector.zero(S);
    } else {
      c00 = FloatVector.fromArray(S, c, at); c01 = FloatVector.fromArray(S, c, at + L);
      c02 = FloatVector.fromArray(S, c, at + 2 * L);
      c10 = FloatVector.fromArray(S, c, at + ldc); c11 = FloatVector.fromArray(S, c, at + ldc + L);
      c12 = FloatVector.fromArray(S, c, at + ldc + 2 * L);
      c20 = FloatVector.fromArray(S, c, at + 2 * ldc); c21 = FloatVector.fromArray(S, c, at + 2 * ldc + L);
      c22 = FloatVector.fromArray(S, c, at + 2 * ldc + 2 * L);
      c30 = FloatVector.fromArray(S, c, at + 3 * ldc); c31 = FloatVector.fromArray(S, c, at + 3 * ldc + L);
      c32 = FloatVector.fromArray(S, c, at + 3 * ldc + 2 * L);
      c40 = FloatVector.fromArray(S, c, at + 4 * ldc); c41 = FloatVector.fromArray(S, c, at + 4 * ldc + L);
      c42 = FloatVector.fromArray(S, c, at + 4 * ldc + 2 * L);
      c50 = FloatVector.fromArray(S, c, at + 5 * ldc); c51 = FloatVector.fromArray(S, c, at + 5 * ldc + L);
      c52 = FloatVector.fromArray(S, c, at + 5 * ldc + 2 * L);
      c60 = FloatVector.fromArray(S, c, at + 6 * ldc); c61 = FloatVector.fromArray(S, c, at + 6 * ldc + L);
      c62 = FloatVector.fromArray(S, c, at + 6 * ldc + 2 * L);
      c70 = FloatVector.fromArray(S, c, at + 7 * ldc); c71 = FloatVector.fromArray(S, c, at + 7 * ldc + L);
      c72 = FloatVector.fromArray(S, c, at + 7 * ldc + 2 * L);
    }
    for (int q = 0, ap = panel, bp = strip; q < kc; q++, ap += 8, bp += 3 * L) {
      FloatVector b0 = FloatVector.fromArray(S, b, bp); FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
      FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
      FloatVector s = FloatVector.broadcast(S, a[ap]);
      c00 = b0.fma(s, c00); c01 = b1.fma(s, c01); c02 = b2.fma(s, c02);
      s = FloatVector.broadcast(S, a[ap + 1]);
      c10 = b0.fma(s, c10); c11 = b1.fma(s, c11); c12 = b2.fma(s, c12);
      s = FloatVector.broadcast(S, a[ap + 2]);
      c20 = b0.fma(s, c20); c21 = b1.fma(s, c21); c22 = b2.fma(s, c22);
      s = FloatVector.broadcast(S, a[ap + 3]);
      c30 = b0.fma(s, c30); c31 = b1.fma(s, c31); c32 = b2.fma(s, c32);
      s = FloatVector.broadcast(S, a[ap + 4]);
      c40 = b0.fma(s, c40); c41 = b1.fma(s, c41); c42 = b2.fma(s, c42);
      s = FloatVector.broadcast(S, a[ap + 5]);
      c50 = b0.fma(s, c50); c51 = b1.fma(s, c51); c52 = b2.fma(s, c52);
      s = FloatVector.broadcast(S, a[ap + 6]);
      c60 = b0.fma(s, c60); c61 = b1.fma(s, c61); c62 = b2.fma(s, c62);
      s = FloatVector.broadcast(S, a[ap + 7]);
      c70 = b0.fma(s, c70); c71 = b1.fma(s, c71); c72 = b2.fma(s, c72);
    }
    // Through NEGATIVE_ZERO.add: see VectorShape.NEGATIVE_ZERO.
    NEGATIVE_ZERO.add(c00).intoArray(c, at); NEGATIVE_ZERO.add(c01).intoArray(c, at + L);
    NEGATIVE_ZERO.add(c02).intoArray(c, at + 2 * L);
    NEGATIVE_ZERO.add(c10).intoArray(c, at + ldc); NEGATIVE_ZERO.add(c11).intoArray(c, at + ldc + L);
    NEGATIVE_ZERO.add(c12).intoArray(c, at + ldc + 2 * L);
    NEGATIVE_ZERO.add(c20).intoArray(c, at + 2 * ldc); NEGATIVE_ZERO.add(c21).intoArray(c, at + 2 * ldc + L);
    NEGATIVE_ZERO.add(c22).intoArray(c, at + 2 * ldc + 2 * L);
    NEGATIVE_ZERO.add(c30).intoArray(c, at + 3 * ldc); NEGATIVE_ZERO.add(c31).intoArray(c, at + 3 * ldc + L);
    NEGATIVE_ZERO.add(c32).intoArray(c, at + 3 * ldc + 2 * L);
    NEGATIVE_ZERO.add(c40).intoArray(c, at + 4 * ldc); NEGATIVE_ZERO.add(c41).intoArray(c, at + 4 * ldc + L);
    NEGATIVE_ZERO.add(c42).intoArray(c, at + 4 * ldc + 2 * L);
    NEGATIVE_ZERO.add(c50).intoArray(c, at + 5 * ldc); NEGATIVE_ZERO.add(c51).intoArray(c, at + 5 * ldc + L);
    NEGATIVE_ZERO.add(c52).intoArray(c, at + 5 * ldc + 2 * L);
    NEGATIVE_ZERO.add(c60).intoArray(c, at + 6 * ldc); NEGATIVE_ZERO.add(c61).intoArray(c, at + 6 * ldc + L);
    NEGATIVE_ZERO.add(c62).intoArray(c, at + 6 * ldc + 2 * L);
    NEGATIVE_ZERO.add(c70).intoArray(c, at + 7 * ldc); NEGATIVE_ZERO.add(c71).intoArray(c, at + 7 * ldc + L);
    NEGATIVE_ZERO.add(c72).intoArray(c, at + 7 * ldc + 2 * L);
  }
}
