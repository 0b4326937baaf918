package dev.kiln.runtime.conv;

import dev.kiln.runtime.kernel.LaneSums;
import dev.kiln.runtime.kernel.VectorShape;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API products of the convolutions that read their taps straight from a grid: every tap
 * {@code f} of a row of weights reads the grid at {@code offsets[f] + q} for the output at position
 * {@code q}, so a tap is one contiguous read, whatever the padding, stride or dilation that placed it.
 * Outputs are computed for {@code q} below {@code computed}, a multiple of the vector length; callers
 * leave a vector's slack after the grid.
 *
 * <p>Loaded only where the Vector API kernels were chosen.
 */
final class ShiftedProducts {
  private static final VectorSpecies<Float> S = VectorShape.FLOATS;
  static final int L = S.length();
  /** 4 vectors by 3 channels needs 17 vector registers: AVX-512 has 32; AVX2's 16 take 2 vectors. */
  private static final boolean WIDE = VectorShape.WIDE_TILES;

  private ShiftedProducts() {}

  /** {@code count} rounded up to whole vectors. */
  static int vectors(int count) {
    return (count + L - 1) / L * L;
  }

  /**
   * {@code sums[wAt + o·taps + f] += Σ_q gradient[o·ld + q] · in[offsets[f] + q]} for {@code o < rows},
   * {@code f < taps}: the weight gradient, as 4 x 4 tiles of dot products along the grid, each reduced once.
   */
  static void addProducts(int rows, int taps, float[] gradient, int ld, float[] in, int[] offsets, int computed,
      float[] sums, int wAt) {
    int o = 0;
    for (; o + 4 <= rows; o += 4) {
      int f = 0;
      for (; f + 4 <= taps; f += 4) tile(gradient, ld, o, in, offsets, f, computed, sums, wAt, taps);
      for (; f < taps; f++) column(gradient, ld, o, in, offsets[f], computed, sums, wAt + f, taps);
    }
    for (; o < rows; o++) {
      int f = 0;
      for (; f + 4 <= taps; f += 4) row(gradient, o * ld, in, offsets, f, computed, sums, wAt + o * taps + f);
      for (; f < taps; f++) sums[wAt + o * taps + f] += dot(gradient, o * ld, in, offsets[f], computed);
    }
  }

  /** One row of the gradient against 4 taps: four chains, where one would wait on its own latency. */
  private static void row(float[] gradient, int g0, float[] in, int[] offsets, int f, int computed, float[] sums,
      int at) {
    int x0 = offsets[f], x1 = offsets[f + 1], x2 = offsets[f + 2], x3 = offsets[f + 3];
    FloatVector a0 = FloatVector.zero(S), a1 = FloatVector.zero(S), a2 = FloatVector.zero(S), a3 = FloatVector.zero(S);
    for (int q = 0; q < computed; q += L) {
      FloatVector u = FloatVector.fromArray(S, gradient, g0 + q);
      a0 = u.fma(FloatVector.fromArray(S, in, x0 + q), a0);
      a1 = u.fma(FloatVector.fromArray(S, in, x1 + q), a1);
      a2 = u.fma(FloatVector.fromArray(S, in, x2 + q), a2);
      a3 = u.fma(FloatVector.fromArray(S, in, x3 + q), a3);
    }
    float[] lanes = LaneSums.scratch();
    a0.intoArray(lanes, 0);
    a1.intoArray(lanes, L);
    a2.intoArray(lanes, 2 * L);
    a3.intoArray(lanes, 3 * L);
    sums[at] += LaneSums.tree(lanes, 0);
    sums[at + 1] += LaneSums.tree(lanes, L);
    sums[at + 2] += LaneSums.tree(lanes, 2 * L);
    sums[at + 3] += LaneSums.tree(lanes, 3 * L);
  }

  /**
   * {@code out[o·ld + q] = Σ_f w[wOff + o·taps + f] · in[offsets[f] + q]} for {@code o < rows} and
   * {@code q < computed}, a multiple of the vector length; {@code taps} is the length of a row of weights.
   */
  static void product(int rows, float[] w, int wOff, int taps, int[] offsets, float[] in, int computed,
      float[] out, int ld) {
    // Blocks of 3 rows, and of 4 where 3 does not divide the rows: 12 independent chains of multiply-adds
    // either way, where a block of 1 or 2 rows would wait on its own latency.
    int fours = rows % 3 == 0 || rows < 4 ? 0 : rows % 3 == 1 ? 1 : rows >= 8 ? 2 : 0;
    int o = 0;
    for (int block = 0; block < fours; block++, o += 4) {
      int w0 = wOff + o * taps;
      int q = 0;
      if (WIDE) {
        for (; q + 3 * L <= computed; q += 3 * L) block4x3(w, w0, taps, offsets, in, q, out, o * ld + q, ld);
      }
      for (; q + 2 * L <= computed; q += 2 * L) {
        block2x2(w, w0, taps, offsets, in, q, out, o * ld + q, ld);
        block2x2(w, w0 + 2 * taps, taps, offsets, in, q, out, (o + 2) * ld + q, ld);
      }
      for (; q < computed; q += L) {
        block3x1(w, w0, taps, offsets, in, q, out, o * ld + q, ld);
        block1x1(w, w0 + 3 * taps, taps, offsets, in, q, out, (o + 3) * ld + q);
      }
    }
    for (; o + 3 <= rows; o += 3) {
      int w0 = wOff + o * taps;
      int q = 0;
      if (WIDE) {
        for (; q + 4 * L <= computed; q += 4 * L) block3x4(w, w0, taps, offsets, in, q, out, o * ld + q, ld);
      }
      for (; q + 2 * L <= computed; q += 2 * L) block3x2(w, w0, taps, offsets, in, q, out, o * ld + q, ld);
      for (; q < computed; q += L) block3x1(w, w0, taps, offsets, in, q, out, o * ld + q, ld);
    }
    for (; o + 2 <= rows; o += 2) {
      int w0 = wOff + o * taps;
      int q = 0;
      for (; q + 2 * L <= computed; q += 2 * L) block2x2(w, w0, taps, offsets, in, q, out, o * ld + q, ld);
      for (; q < computed; q += L) {
        block1x1(w, w0, taps, offsets, in, q, out, o * ld + q);
        block1x1(w, w0 + taps, taps, offsets, in, q, out, (o + 1) * ld + q);
      }
    }
    for (; o < rows; o++) {
      for (int q = 0; q < computed; q += L) block1x1(w, wOff + o * taps, taps, offsets, in, q, out, o * ld + q);
    }
  }

  private static void block4x3(float[] w, int w0, int taps, int[] offsets, float[] in, int q, float[] out, int r0,
      int ld) {
    FloatVector a00 = FloatVector.zero(S), a01 = FloatVector.zero(S), a02 = FloatVector.zero(S);
    FloatVector a10 = FloatVector.zero(S), a11 = FloatVector.zero(S), a12 = FloatVector.zero(S);
    FloatVector a20 = FloatVector.zero(S), a21 = FloatVector.zero(S), a22 = FloatVector.zero(S);
    FloatVector a30 = FloatVector.zero(S), a31 = FloatVector.zero(S), a32 = FloatVector.zero(S);
    int w1 = w0 + taps;
    int w2 = w1 + taps;
    int w3 = w2 + taps;
    for (int f = 0; f < taps; f++) {
      int at = offsets[f] + q;
      FloatVector x0 = FloatVector.fromArray(S, in, at);
      FloatVector x1 = FloatVector.fromArray(S, in, at + L);
      FloatVector x2 = FloatVector.fromArray(S, in, at + 2 * L);
      FloatVector b = FloatVector.broadcast(S, w[w0 + f]);
      a00 = x0.fma(b, a00);
      a01 = x1.fma(b, a01);
      a02 = x2.fma(b, a02);
      b = FloatVector.broadcast(S, w[w1 + f]);
      a10 = x0.fma(b, a10);
      a11 = x1.fma(b, a11);
      a12 = x2.fma(b, a12);
      b = FloatVector.broadcast(S, w[w2 + f]);
      a20 = x0.fma(b, a20);
      a21 = x1.fma(b, a21);
      a22 = x2.fma(b, a22);
      b = FloatVector.broadcast(S, w[w3 + f]);
      a30 = x0.fma(b, a30);
      a31 = x1.fma(b, a31);
      a32 = x2.fma(b, a32);
    }
    a00.intoArray(out, r0);
    a01.intoArray(out, r0 + L);
    a02.intoArray(out, r0 + 2 * L);
    int r1 = r0 + ld;
    a10.intoArray(out, r1);
    a11.intoArray(out, r1 + L);
    a12.intoArray(out, r1 + 2 * L);
    int r2 = r1 + ld;
    a20.intoArray(out, r2);
    a21.intoArray(out, r2 + L);
    a22.intoArray(out, r2 + 2 * L);
    int r3 = r2 + ld;
    a30.intoArray(out, r3);
    a31.intoArray(out, r3 + L);
    a32.intoArray(out, r3 + 2 * L);
  }

  private static void block2x2(float[] w, int w0, int taps, int[] offsets, float[] in, int q, float[] out, int r0,
      int ld) {
    FloatVector a00 = FloatVector.zero(S), a01 = FloatVector.zero(S);
    FloatVector a10 = FloatVector.zero(S), a11 = FloatVector.zero(S);
    int w1 = w0 + taps;
    for (int f = 0; f < taps; f++) {
      int at = offsets[f] + q;
      FloatVector x0 = FloatVector.fromArray(S, in, at);
      FloatVector x1 = FloatVector.fromArray(S, in, at + L);
      FloatVector b = FloatVector.broadcast(S, w[w0 + f]);
      a00 = x0.fma(b, a00);
      a01 = x1.fma(b, a01);
      b = FloatVector.broadcast(S, w[w1 + f]);
      a10 = x0.fma(b, a10);
      a11 = x1.fma(b, a11);
    }
    a00.intoArray(out, r0);
    a01.intoArray(out, r0 + L);
    a10.intoArray(out, r0 + ld);
    a11.intoArray(out, r0 + ld + L);
  }

  private static void block3x4(float[] w, int w0, int taps, int[] offsets, float[] in, int q, float[] out, int r0,
      int ld) {
    FloatVector a00 = FloatVector.zero(S), a01 = FloatVector.zero(S), a02 = FloatVector.zero(S), a03 = FloatVector.zero(S);
    FloatVector a10 = FloatVector.zero(S), a11 = FloatVector.zero(S), a12 = FloatVector.zero(S), a13 = FloatVector.zero(S);
    FloatVector a20 = FloatVector.zero(S), a21 = FloatVector.zero(S), a22 = FloatVector.zero(S), a23 = FloatVector.zero(S);
    int w1 = w0 + taps;
    int w2 = w1 + taps;
    for (int f = 0; f < taps; f++) {
      int at = offsets[f] + q;
      FloatVector x0 = FloatVector.fromArray(S, in, at);
      FloatVector x1 = FloatVector.fromArray(S, in, at + L);
      FloatVector x2 = FloatVector.fromArray(S, in, at + 2 * L);
      FloatVector x3 = FloatVector.fromArray(S, in, at + 3 * L);
      FloatVector b = FloatVector.broadcast(S, w[w0 + f]);
      a00 = x0.fma(b, a00);
      a01 = x1.fma(b, a01);
      a02 = x2.fma(b, a02);
      a03 = x3.fma(b, a03);
      b = FloatVector.broadcast(S, w[w1 + f]);
      a10 = x0.fma(b, a10);
      a11 = x1.fma(b, a11);
      a12 = x2.fma(b, a12);
      a13 = x3.fma(b, a13);
      b = FloatVector.broadcast(S, w[w2 + f]);
      a20 = x0.fma(b, a20);
      a21 = x1.fma(b, a21);
      a22 = x2.fma(b, a22);
      a23 = x3.fma(b, a23);
    }
    a00.intoArray(out, r0);
    a01.intoArray(out, r0 + L);
    a02.intoArray(out, r0 + 2 * L);
    a03.intoArray(out, r0 + 3 * L);
    int r1 = r0 + ld;
    a10.intoArray(out, r1);
    a11.intoArray(out, r1 + L);
    a12.intoArray(out, r1 + 2 * L);
    a13.intoArray(out, r1 + 3 * L);
    int r2 = r1 + ld;
    a20.intoArray(out, r2);
    a21.intoArray(out, r2 + L);
    a22.intoArray(out, r2 + 2 * L);
    a23.intoArray(out, r2 + 3 * L);
  }

  private static void block3x2(float[] w, int w0, int taps, int[] offsets, float[] in, int q, float[] out, int r0,
      int ld) {
    FloatVector a00 = FloatVector.zero(S), a01 = FloatVector.zero(S);
    FloatVector a10 = FloatVector.zero(S), a11 = FloatVector.zero(S);
    FloatVector a20 = FloatVector.zero(S), a21 = FloatVector.zero(S);
    int w1 = w0 + taps;
    int w2 = w1 + taps;
    for (int f = 0; f < taps; f++) {
      int at = offsets[f] + q;
      FloatVector x0 = FloatVector.fromArray(S, in, at);
      FloatVector x1 = FloatVector.fromArray(S, in, at + L);
      FloatVector b = FloatVector.broadcast(S, w[w0 + f]);
      a00 = x0.fma(b, a00);
      a01 = x1.fma(b, a01);
      b = FloatVector.broadcast(S, w[w1 + f]);
      a10 = x0.fma(b, a10);
      a11 = x1.fma(b, a11);
      b = FloatVector.broadcast(S, w[w2 + f]);
      a20 = x0.fma(b, a20);
      a21 = x1.fma(b, a21);
    }
    a00.intoArray(out, r0);
    a01.intoArray(out, r0 + L);
    a10.intoArray(out, r0 + ld);
    a11.intoArray(out, r0 + ld + L);
    a20.intoArray(out, r0 + 2 * ld);
    a21.intoArray(out, r0 + 2 * ld + L);
  }

  private static void block3x1(float[] w, int w0, int taps, int[] offsets, float[] in, int q, float[] out, int r0,
      int ld) {
    FloatVector a0 = FloatVector.zero(S), a1 = FloatVector.zero(S), a2 = FloatVector.zero(S);
    int w1 = w0 + taps;
    int w2 = w1 + taps;
    for (int f = 0; f < taps; f++) {
      FloatVector x0 = FloatVector.fromArray(S, in, offsets[f] + q);
      a0 = x0.fma(FloatVector.broadcast(S, w[w0 + f]), a0);
      a1 = x0.fma(FloatVector.broadcast(S, w[w1 + f]), a1);
      a2 = x0.fma(FloatVector.broadcast(S, w[w2 + f]), a2);
    }
    a0.intoArray(out, r0);
    a1.intoArray(out, r0 + ld);
    a2.intoArray(out, r0 + 2 * ld);
  }

  private static void block1x1(float[] w, int w0, int taps, int[] offsets, float[] in, int q, float[] out, int r0) {
    // Two accumulators, alternating taps, so that one chain of multiply-adds does not wait on itself.
    FloatVector a0 = FloatVector.zero(S), a1 = FloatVector.zero(S);
    int f = 0;
    for (; f + 2 <= taps; f += 2) {
      a0 = FloatVector.fromArray(S, in, offsets[f] + q).fma(FloatVector.broadcast(S, w[w0 + f]), a0);
      a1 = FloatVector.fromArray(S, in, offsets[f + 1] + q).fma(FloatVector.broadcast(S, w[w0 + f + 1]), a1);
    }
    if (f < taps) a0 = FloatVector.fromArray(S, in, offsets[f] + q).fma(FloatVector.broadcast(S, w[w0 + f]), a0);
    a0.add(a1).intoArray(out, r0);
  }

  /**
   * {@code sums[wAt + (o + i)·taps + f + j] += Σ_q gradient[(o + i)·ld + q] · in[offsets[f + j] + q]} for i, j
   * below 4: sixteen accumulators, each reduced once.
   */
  private static void tile(float[] gradient, int ld, int o, float[] in, int[] offsets, int f, int computed,
      float[] sums, int wAt, int taps) {
    int g0 = o * ld, g1 = g0 + ld, g2 = g1 + ld, g3 = g2 + ld;
    int x0 = offsets[f], x1 = offsets[f + 1], x2 = offsets[f + 2], x3 = offsets[f + 3];
    FloatVector a00 = FloatVector.zero(S), a01 = FloatVector.zero(S), a02 = FloatVector.zero(S), a03 = FloatVector.zero(S);
    FloatVector a10 = FloatVector.zero(S), a11 = FloatVector.zero(S), a12 = FloatVector.zero(S), a13 = FloatVector.zero(S);
    FloatVector a20 = FloatVector.zero(S), a21 = FloatVector.zero(S), a22 = FloatVector.zero(S), a23 = FloatVector.zero(S);
    FloatVector a30 = FloatVector.zero(S), a31 = FloatVector.zero(S), a32 = FloatVector.zero(S), a33 = FloatVector.zero(S);
    for (int q = 0; q < computed; q += L) {
      FloatVector v0 = FloatVector.fromArray(S, in, x0 + q);
      FloatVector v1 = FloatVector.fromArray(S, in, x1 + q);
      FloatVector v2 = FloatVector.fromArray(S, in, x2 + q);
      FloatVector v3 = FloatVector.fromArray(S, in, x3 + q);
      FloatVector u = FloatVector.fromArray(S, gradient, g0 + q);
      a00 = u.fma(v0, a00);
      a01 = u.fma(v1, a01);
      a02 = u.fma(v2, a02);
      a03 = u.fma(v3, a03);
      u = FloatVector.fromArray(S, gradient, g1 + q);
      a10 = u.fma(v0, a10);
      a11 = u.fma(v1, a11);
      a12 = u.fma(v2, a12);
      a13 = u.fma(v3, a13);
      u = FloatVector.fromArray(S, gradient, g2 + q);
      a20 = u.fma(v0, a20);
      a21 = u.fma(v1, a21);
      a22 = u.fma(v2, a22);
      a23 = u.fma(v3, a23);
      u = FloatVector.fromArray(S, gradient, g3 + q);
      a30 = u.fma(v0, a30);
      a31 = u.fma(v1, a31);
      a32 = u.fma(v2, a32);
      a33 = u.fma(v3, a33);
    }
    float[] lanes = LaneSums.scratch();
    a00.intoArray(lanes, 0);
    a01.intoArray(lanes, L);
    a02.intoArray(lanes, 2 * L);
    a03.intoArray(lanes, 3 * L);
    a10.intoArray(lanes, 4 * L);
    a11.intoArray(lanes, 5 * L);
    a12.intoArray(lanes, 6 * L);
    a13.intoArray(lanes, 7 * L);
    a20.intoArray(lanes, 8 * L);
    a21.intoArray(lanes, 9 * L);
    a22.intoArray(lanes, 10 * L);
    a23.intoArray(lanes, 11 * L);
    a30.intoArray(lanes, 12 * L);
    a31.intoArray(lanes, 13 * L);
    a32.intoArray(lanes, 14 * L);
    a33.intoArray(lanes, 15 * L);
    for (int i = 0; i < 4; i++) {
      int r = wAt + (o + i) * taps + f;
      for (int j = 0; j < 4; j++) sums[r + j] += LaneSums.tree(lanes, (4 * i + j) * L);
    }
  }

  /** {@link #tile} for one tap left over: four channels' sums against it. */
  private static void column(float[] gradient, int ld, int o, float[] in, int offset, int computed, float[] sums,
      int at, int taps) {
    int g0 = o * ld, g1 = g0 + ld, g2 = g1 + ld, g3 = g2 + ld;
    FloatVector a0 = FloatVector.zero(S), a1 = FloatVector.zero(S), a2 = FloatVector.zero(S), a3 = FloatVector.zero(S);
    for (int q = 0; q < computed; q += L) {
      FloatVector v = FloatVector.fromArray(S, in, offset + q);
      a0 = FloatVector.fromArray(S, gradient, g0 + q).fma(v, a0);
      a1 = FloatVector.fromArray(S, gradient, g1 + q).fma(v, a1);
      a2 = FloatVector.fromArray(S, gradient, g2 + q).fma(v, a2);
      a3 = FloatVector.fromArray(S, gradient, g3 + q).fma(v, a3);
    }
    float[] lanes = LaneSums.scratch();
    a0.intoArray(lanes, 0);
    a1.intoArray(lanes, L);
    a2.intoArray(lanes, 2 * L);
    a3.intoArray(lanes, 3 * L);
    sums[at + o * taps] += LaneSums.tree(lanes, 0);
    sums[at + (o + 1) * taps] += LaneSums.tree(lanes, L);
    sums[at + (o + 2) * taps] += LaneSums.tree(lanes, 2 * L);
    sums[at + (o + 3) * taps] += LaneSums.tree(lanes, 3 * L);
  }

  private static float dot(float[] a, int aOff, float[] b, int bOff, int computed) {
    FloatVector acc = FloatVector.zero(S);
    for (int q = 0; q < computed; q += L) {
      acc = FloatVector.fromArray(S, a, aOff + q).fma(FloatVector.fromArray(S, b, bOff + q), acc);
    }
    float[] lanes = LaneSums.scratch();
    acc.intoArray(lanes, 0);
    return LaneSums.tree(lanes, 0);
  }
}
