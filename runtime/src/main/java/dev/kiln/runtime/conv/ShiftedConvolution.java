package dev.kiln.runtime.conv;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Stride-1 convolution on the Vector API, read straight from the padded input with nothing unrolled: on a
 * {@link PaddedGrid} each tap is a contiguous read, so a block of 3 output channels by 4 vectors of output
 * positions stays in registers while the taps stream past (XNNPACK's broadcast kernels, pixels in the
 * lanes). The input gradient is the same product over the output gradient padded by
 * {@code dilation·(kernel - 1) - padding}, with the kernel flipped and its channels swapped; the weight
 * gradient is dot products along the grid. Where a convolution is this shape the unrolled copy, kernel²
 * times the input, is most of the cost.
 *
 * <p>Loaded only where the Vector API kernels were chosen.
 */
final class ShiftedConvolution extends SplitConvolution {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  /** 4 vectors by 3 channels needs 17 vector registers: AVX-512 has 32; AVX2's 16 take 2 vectors. */
  private static final boolean WIDE = L >= 16;
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private final int sliceFloats;
  private final int kk;
  private final int field;
  private final PaddedGrid forwardGrid;
  private final PaddedGrid backwardGrid;

  /** Whether a convolution can run this way: stride 1, and padding its gradient can be padded back from. */
  static boolean suits(ConvGeometry g) {
    return g.stride() == 1 && g.padding() <= g.dilation() * (g.kernel() - 1);
  }

  ShiftedConvolution(ConvGeometry geometry, int threads, int sliceFloats) {
    super(geometry, threads);
    if (!suits(geometry)) throw new IllegalArgumentException("not a stride-1 convolution: " + geometry);
    this.sliceFloats = sliceFloats;
    this.kk = geometry.kernel() * geometry.kernel();
    this.field = geometry.field();
    int k = geometry.kernel();
    int d = geometry.dilation();
    this.forwardGrid = new PaddedGrid(geometry.in(), geometry.height(), geometry.width(), geometry.padding(), k, d);
    this.backwardGrid = new PaddedGrid(geometry.out(), geometry.outHeight(), geometry.outWidth(),
        d * (k - 1) - geometry.padding(), k, d);
  }

  @Override
  int slice() {
    int perExample = Math.max((g.in() + g.out()) * forwardGrid.plane, (g.in() + g.out()) * backwardGrid.plane);
    return Math.max(1, sliceFloats / perExample);
  }

  /** Grid positions computed for {@code count} examples: the span rounded up to whole vectors. */
  private static int computed(PaddedGrid grid, int count) {
    return (grid.span(count) + L - 1) / L * L;
  }

  @Override
  void forward(float[] x, float[] p, int wOff, int bOff, float[] z, int first, int count) {
    Scratch s = SCRATCH.get();
    PaddedGrid grid = forwardGrid;
    int stride = grid.channelStride(count);
    int computed = computed(grid, count);
    float[] in = s.input(grid.channels * stride + L);
    grid.pad(x, first, count, in, L);
    int ld = computed;
    float[] out = s.output(g.out() * ld);
    product(g.out(), p, wOff, field, offsets(s, grid, stride), in, computed, out, ld);
    grid.compact(out, ld, g.out(), first, count, z, p, bOff);
  }

  @Override
  void inputGradient(float[] dz, float[] p, int wOff, float[] dx, int first, int count) {
    Scratch s = SCRATCH.get();
    PaddedGrid grid = backwardGrid;
    int stride = grid.channelStride(count);
    int computed = computed(grid, count);
    float[] in = s.input(grid.channels * stride + L);
    grid.pad(dz, first, count, in, L);
    // w'[c][o][kk - 1 - t] = w[o][c][t]: the kernel flipped, input and output channels swapped.
    int rowStride = g.out() * kk;
    float[] flipped = s.weights(g.in() * rowStride);
    for (int o = 0; o < g.out(); o++) {
      for (int c = 0; c < g.in(); c++) {
        for (int t = 0; t < kk; t++) flipped[c * rowStride + o * kk + kk - 1 - t] = p[wOff + o * field + c * kk + t];
      }
    }
    int ld = computed;
    float[] out = s.output(g.in() * ld);
    product(g.in(), flipped, 0, rowStride, offsets(s, grid, stride), in, computed, out, ld);
    grid.compact(out, ld, g.in(), first, count, dx, null, -1);
  }

  @Override
  void addParameterGradient(float[] dz, float[] x, float[] sums, int wAt, int bAt, int first, int count) {
    Scratch s = SCRATCH.get();
    PaddedGrid grid = forwardGrid;
    int stride = grid.channelStride(count);
    int computed = computed(grid, count);
    float[] in = s.input(grid.channels * stride + L);
    grid.pad(x, first, count, in, L);
    // The output gradient on the same grid, 0 at the positions the forward pass dropped.
    int ld = computed;
    float[] gradient = s.output(g.out() * ld);
    grid.spread(dz, g.out(), first, count, gradient, ld);
    int[] offsets = offsets(s, grid, stride);
    int o = 0;
    for (; o + 4 <= g.out(); o += 4) {
      int f = 0;
      for (; f + 4 <= field; f += 4) tile(gradient, ld, o, in, offsets, f, computed, sums, wAt);
      for (; f < field; f++) column(gradient, ld, o, in, offsets[f], computed, sums, wAt + f);
    }
    for (; o < g.out(); o++) {
      for (int f = 0; f < field; f++) {
        sums[wAt + o * field + f] += dot(gradient, o * ld, in, offsets[f], computed);
      }
    }
    if (bAt >= 0) {
      int pixels = g.pixels();
      for (int e = 0; e < count; e++) {
        for (int c = 0; c < g.out(); c++) {
          float sum = 0f;
          for (int j = (first + e) * g.outSize() + c * pixels, end = j + pixels; j < end; j++) sum += dz[j];
          sums[bAt + c] += sum;
        }
      }
    }
  }

  /** Where each (channel, tap) of a row of weights reads, relative to the output's grid position. */
  private int[] offsets(Scratch s, PaddedGrid grid, int stride) {
    int[] offsets = s.offsets(grid.channels * kk);
    for (int c = 0; c < grid.channels; c++) {
      for (int t = 0; t < kk; t++) offsets[c * kk + t] = c * stride + grid.shift[t];
    }
    return offsets;
  }

  /**
   * {@code out[o·ld + q] = Σ_f w[wOff + o·taps + f] · in[offsets[f] + q]} for {@code o < rows} and
   * {@code q < computed}, a multiple of the vector length; {@code taps} is the length of a row of weights.
   */
  private static void product(int rows, float[] w, int wOff, int taps, int[] offsets, float[] in, int computed,
      float[] out, int ld) {
    int o = 0;
    for (; o + 3 <= rows; o += 3) {
      int w0 = wOff + o * taps;
      int q = 0;
      if (WIDE) {
        for (; q + 4 * L <= computed; q += 4 * L) block3x4(w, w0, taps, offsets, in, q, out, o * ld + q, ld);
      }
      for (; q + 2 * L <= computed; q += 2 * L) block3x2(w, w0, taps, offsets, in, q, out, o * ld + q, ld);
      for (; q < computed; q += L) block3x1(w, w0, taps, offsets, in, q, out, o * ld + q, ld);
    }
    for (; o < rows; o++) {
      for (int q = 0; q < computed; q += L) block1x1(w, wOff + o * taps, taps, offsets, in, q, out, o * ld + q);
    }
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
   * {@code sums[wAt + (o + i)·field + f + j] += Σ_q gradient[(o + i)·ld + q] · in[offsets[f + j] + q]} for i, j
   * below 4: sixteen accumulators, each reduced once.
   */
  private void tile(float[] gradient, int ld, int o, float[] in, int[] offsets, int f, int computed, float[] sums,
      int wAt) {
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
    int r = wAt + o * field + f;
    sums[r] += a00.reduceLanes(VectorOperators.ADD);
    sums[r + 1] += a01.reduceLanes(VectorOperators.ADD);
    sums[r + 2] += a02.reduceLanes(VectorOperators.ADD);
    sums[r + 3] += a03.reduceLanes(VectorOperators.ADD);
    r += field;
    sums[r] += a10.reduceLanes(VectorOperators.ADD);
    sums[r + 1] += a11.reduceLanes(VectorOperators.ADD);
    sums[r + 2] += a12.reduceLanes(VectorOperators.ADD);
    sums[r + 3] += a13.reduceLanes(VectorOperators.ADD);
    r += field;
    sums[r] += a20.reduceLanes(VectorOperators.ADD);
    sums[r + 1] += a21.reduceLanes(VectorOperators.ADD);
    sums[r + 2] += a22.reduceLanes(VectorOperators.ADD);
    sums[r + 3] += a23.reduceLanes(VectorOperators.ADD);
    r += field;
    sums[r] += a30.reduceLanes(VectorOperators.ADD);
    sums[r + 1] += a31.reduceLanes(VectorOperators.ADD);
    sums[r + 2] += a32.reduceLanes(VectorOperators.ADD);
    sums[r + 3] += a33.reduceLanes(VectorOperators.ADD);
  }

  /** {@link #tile} for one tap left over: four channels' sums against it. */
  private void column(float[] gradient, int ld, int o, float[] in, int offset, int computed, float[] sums, int at) {
    int g0 = o * ld, g1 = g0 + ld, g2 = g1 + ld, g3 = g2 + ld;
    FloatVector a0 = FloatVector.zero(S), a1 = FloatVector.zero(S), a2 = FloatVector.zero(S), a3 = FloatVector.zero(S);
    for (int q = 0; q < computed; q += L) {
      FloatVector v = FloatVector.fromArray(S, in, offset + q);
      a0 = FloatVector.fromArray(S, gradient, g0 + q).fma(v, a0);
      a1 = FloatVector.fromArray(S, gradient, g1 + q).fma(v, a1);
      a2 = FloatVector.fromArray(S, gradient, g2 + q).fma(v, a2);
      a3 = FloatVector.fromArray(S, gradient, g3 + q).fma(v, a3);
    }
    sums[at + o * field] += a0.reduceLanes(VectorOperators.ADD);
    sums[at + (o + 1) * field] += a1.reduceLanes(VectorOperators.ADD);
    sums[at + (o + 2) * field] += a2.reduceLanes(VectorOperators.ADD);
    sums[at + (o + 3) * field] += a3.reduceLanes(VectorOperators.ADD);
  }

  private static float dot(float[] a, int aOff, float[] b, int bOff, int computed) {
    FloatVector acc = FloatVector.zero(S);
    for (int q = 0; q < computed; q += L) {
      acc = FloatVector.fromArray(S, a, aOff + q).fma(FloatVector.fromArray(S, b, bOff + q), acc);
    }
    return acc.reduceLanes(VectorOperators.ADD);
  }

  /** A thread's padded input, grid output, flipped weights and tap offsets, grown as needed and kept. */
  private static final class Scratch {
    private float[] input = new float[0];
    private float[] output = new float[0];
    private float[] weights = new float[0];
    private int[] offsets = new int[0];

    float[] input(int n) {
      if (input.length < n) input = new float[n];
      return input;
    }

    float[] output(int n) {
      if (output.length < n) output = new float[n];
      return output;
    }

    float[] weights(int n) {
      if (weights.length < n) weights = new float[n];
      return weights;
    }

    int[] offsets(int n) {
      if (offsets.length < n) offsets = new int[n];
      return offsets;
    }
  }
}
