package dev.kiln.runtime.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register tile of {@link PanamaPackedProduct} on machines with 32 vector registers (AVX-512) for a strip
 * of one vector of columns, where the outputs end.
 */
final class Tile8x1 {
  private static final VectorSpecies<Float> S = VectorShape.FLOATS;
  private static final int L = S.length();

  private Tile8x1() {}

  /**
   * 8 rows by 1 vector of C from a panel of A (8 values per step, {@code a[panel..]}) and a strip of
   * B (1 vector per step, {@code b[strip..]}), over {@code kc} steps: C's tile at {@code c[at]}, rows
   * {@code ldc} apart, is overwritten when {@code first}, and added to otherwise.
   */
  static void run(float[] a, int panel, float[] b, int strip, int kc, float[] c, int at, int ldc,
      boolean first) {
    FloatVector c00, c10, c20, c30, c40, c50, c60, c70;
    if (first) {
      c00 = FloatVector.zero(S);
      c10 = FloatVector.zero(S);
      c20 = FloatVector.zero(S);
      c30 = FloatVector.zero(S);
      c40 = FloatVector.zero(S);
      c50 = FloatVector.zero(S);
      c60 = FloatVector.zero(S);
      c70 = FloatVector.zero(S);
    } else {
      c00 = FloatVector.fromArray(S, c, at);
      c10 = FloatVector.fromArray(S, c, at + ldc);
      c20 = FloatVector.fromArray(S, c, at + 2 * ldc);
      c30 = FloatVector.fromArray(S, c, at + 3 * ldc);
      c40 = FloatVector.fromArray(S, c, at + 4 * ldc);
      c50 = FloatVector.fromArray(S, c, at + 5 * ldc);
      c60 = FloatVector.fromArray(S, c, at + 6 * ldc);
      c70 = FloatVector.fromArray(S, c, at + 7 * ldc);
    }
    for (int q = 0, ap = panel, bp = strip; q < kc; q++, ap += 8, bp += L) {
      FloatVector b0 = FloatVector.fromArray(S, b, bp);
      FloatVector s = FloatVector.broadcast(S, a[ap]);
      c00 = b0.fma(s, c00);
      s = FloatVector.broadcast(S, a[ap + 1]);
      c10 = b0.fma(s, c10);
      s = FloatVector.broadcast(S, a[ap + 2]);
      c20 = b0.fma(s, c20);
      s = FloatVector.broadcast(S, a[ap + 3]);
      c30 = b0.fma(s, c30);
      s = FloatVector.broadcast(S, a[ap + 4]);
      c40 = b0.fma(s, c40);
      s = FloatVector.broadcast(S, a[ap + 5]);
      c50 = b0.fma(s, c50);
      s = FloatVector.broadcast(S, a[ap + 6]);
      c60 = b0.fma(s, c60);
      s = FloatVector.broadcast(S, a[ap + 7]);
      c70 = b0.fma(s, c70);
    }
    c00.intoArray(c, at);
    c10.intoArray(c, at + ldc);
    c20.intoArray(c, at + 2 * ldc);
    c30.intoArray(c, at + 3 * ldc);
    c40.intoArray(c, at + 4 * ldc);
    c50.intoArray(c, at + 5 * ldc);
    c60.intoArray(c, at + 6 * ldc);
    c70.intoArray(c, at + 7 * ldc);
  }
}
