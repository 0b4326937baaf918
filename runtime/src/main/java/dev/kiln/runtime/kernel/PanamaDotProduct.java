package dev.kiln.runtime.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code Y = X · Wᵀ} for wide inputs, without transposing W: a tile of 4 rows of X by 4 rows of W keeps
 * sixteen vector accumulators along the shared dimension, both operands read contiguously as PyTorch
 * lays them out, and reduces each accumulator once. Bias, ReLU and other activations are applied as
 * each 4-row block of Y is finished.
 */
final class PanamaDotProduct implements Parallel.Rows {
  private static final VectorSpecies<Float> S = VectorShape.FLOATS;
  private static final int L = S.length();

  float[] x;
  float[] p;
  int wOff;
  int bOff;
  float[] z;
  float[] y;
  int rows;
  int in;
  int out;
  boolean relu;
  Epilogue activation;

  /** Whether a product is wide enough for this kernel: a few full vectors along the shared dimension. */
  static boolean suits(int in) {
    return in >= 2 * L;
  }

  /**
   * Whether {@link #rows} splits the outputs (the rows of W) rather than the rows of X. Split that way,
   * each thread reads only the rows of W whose gradient it computes and whose update it makes, so W
   * stays in that core's cache from step to step. Only for ReLU or no activation, which work per value.
   */
  boolean byColumns;

  /** Whether {@link #byColumns} may be used: the activation, if any, works value by value. */
  boolean columnsAllowed() {
    return activation == null;
  }

  @Override
  public void rows(int from, int to) {
    float[] lanes = LaneSums.scratch();
    if (byColumns) {
      columns(from, to, lanes);
      return;
    }
    int r = from;
    for (; r + 4 <= to; r += 4) {
      int o = 0;
      for (; o + 4 <= out; o += 4) tile(r, o, lanes);
      for (; o < out; o++) {
        column4(r, o, lanes);
      }
      finish(r, r + 4);
    }
    for (; r < to; r++) {
      int o = 0;
      for (; o + 4 <= out; o += 4) outputs4(r, o, lanes);
      for (; o < out; o++) single(r, o, lanes);
      finish(r, r + 1);
    }
  }

  /** Every row of X against the rows [from, to) of W: the outputs [from, to) of each row. */
  private void columns(int from, int to, float[] lanes) {
    int r = 0;
    for (; r + 4 <= rows; r += 4) {
      int o = from;
      for (; o + 4 <= to; o += 4) tile(r, o, lanes);
      for (; o < to; o++) {
        column4(r, o, lanes);
      }
    }
    for (; r < rows; r++) {
      int o = from;
      for (; o + 4 <= to; o += 4) outputs4(r, o, lanes);
      for (; o < to; o++) single(r, o, lanes);
    }
    for (r = 0; r < rows; r++) {
      int row = r * out;
      if (bOff >= 0) {
        for (int o = from; o < to; o++) z[row + o] += p[bOff + o];
      }
      if (relu) {
        for (int o = from; o < to; o++) z[row + o] = Math.max(z[row + o], 0f);
      }
    }
  }

  private void tile(int r, int o, float[] lanes) {
    int x0 = r * in;
    int x1 = x0 + in;
    int x2 = x1 + in;
    int x3 = x2 + in;
    int w0 = wOff + o * in;
    int w1 = w0 + in;
    int w2 = w1 + in;
    int w3 = w2 + in;
    FloatVector a00 = FloatVector.zero(S), a01 = FloatVector.zero(S), a02 = FloatVector.zero(S), a03 = FloatVector.zero(S);
    FloatVector a10 = FloatVector.zero(S), a11 = FloatVector.zero(S), a12 = FloatVector.zero(S), a13 = FloatVector.zero(S);
    FloatVector a20 = FloatVector.zero(S), a21 = FloatVector.zero(S), a22 = FloatVector.zero(S), a23 = FloatVector.zero(S);
    FloatVector a30 = FloatVector.zero(S), a31 = FloatVector.zero(S), a32 = FloatVector.zero(S), a33 = FloatVector.zero(S);
    int bound = in - in % L;
    for (int k = 0; k < bound; k += L) {
      FloatVector v0 = FloatVector.fromArray(S, p, w0 + k);
      FloatVector v1 = FloatVector.fromArray(S, p, w1 + k);
      FloatVector v2 = FloatVector.fromArray(S, p, w2 + k);
      FloatVector v3 = FloatVector.fromArray(S, p, w3 + k);
      FloatVector u = FloatVector.fromArray(S, x, x0 + k);
      a00 = u.fma(v0, a00);
      a01 = u.fma(v1, a01);
      a02 = u.fma(v2, a02);
      a03 = u.fma(v3, a03);
      u = FloatVector.fromArray(S, x, x1 + k);
      a10 = u.fma(v0, a10);
      a11 = u.fma(v1, a11);
      a12 = u.fma(v2, a12);
      a13 = u.fma(v3, a13);
      u = FloatVector.fromArray(S, x, x2 + k);
      a20 = u.fma(v0, a20);
      a21 = u.fma(v1, a21);
      a22 = u.fma(v2, a22);
      a23 = u.fma(v3, a23);
      u = FloatVector.fromArray(S, x, x3 + k);
      a30 = u.fma(v0, a30);
      a31 = u.fma(v1, a31);
      a32 = u.fma(v2, a32);
      a33 = u.fma(v3, a33);
    }
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
      int c = (r + i) * out + o;
      int xi = (r + i) * in;
      for (int j = 0; j < 4; j++) {
        z[c + j] = LaneSums.tree(lanes, (4 * i + j) * L) + tail(xi, wOff + (o + j) * in, bound);
      }
    }
  }

  /** Rows r..r+3 of X against row o of W: four independent sums, where a column is left over. */
  private void column4(int r, int o, float[] lanes) {
    int x0 = r * in;
    int x1 = x0 + in;
    int x2 = x1 + in;
    int x3 = x2 + in;
    int wo = wOff + o * in;
    FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
    int bound = in - in % L;
    for (int k = 0; k < bound; k += L) {
      FloatVector v = FloatVector.fromArray(S, p, wo + k);
      a0 = FloatVector.fromArray(S, x, x0 + k).fma(v, a0);
      a1 = FloatVector.fromArray(S, x, x1 + k).fma(v, a1);
      a2 = FloatVector.fromArray(S, x, x2 + k).fma(v, a2);
      a3 = FloatVector.fromArray(S, x, x3 + k).fma(v, a3);
    }
    int c = r * out + o;
    a0.intoArray(lanes, 0);
    a1.intoArray(lanes, L);
    a2.intoArray(lanes, 2 * L);
    a3.intoArray(lanes, 3 * L);
    z[c] = LaneSums.tree(lanes, 0) + tail(x0, wo, bound);
    z[c + out] = LaneSums.tree(lanes, L) + tail(x1, wo, bound);
    z[c + 2 * out] = LaneSums.tree(lanes, 2 * L) + tail(x2, wo, bound);
    z[c + 3 * out] = LaneSums.tree(lanes, 3 * L) + tail(x3, wo, bound);
  }

  /**
   * Row r of X against rows o..o+3 of W: four independent sums that share each load of X, where fewer
   * than four rows are left (a single example at inference). Each sum adds in the order {@link #single} does.
   */
  private void outputs4(int r, int o, float[] lanes) {
    int xr = r * in;
    int w0 = wOff + o * in;
    int w1 = w0 + in;
    int w2 = w1 + in;
    int w3 = w2 + in;
    FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
    int bound = in - in % L;
    for (int k = 0; k < bound; k += L) {
      FloatVector u = FloatVector.fromArray(S, x, xr + k);
      a0 = u.fma(FloatVector.fromArray(S, p, w0 + k), a0);
      a1 = u.fma(FloatVector.fromArray(S, p, w1 + k), a1);
      a2 = u.fma(FloatVector.fromArray(S, p, w2 + k), a2);
      a3 = u.fma(FloatVector.fromArray(S, p, w3 + k), a3);
    }
    int c = r * out + o;
    a0.intoArray(lanes, 0);
    a1.intoArray(lanes, L);
    a2.intoArray(lanes, 2 * L);
    a3.intoArray(lanes, 3 * L);
    z[c] = LaneSums.tree(lanes, 0) + tail(xr, w0, bound);
    z[c + 1] = LaneSums.tree(lanes, L) + tail(xr, w1, bound);
    z[c + 2] = LaneSums.tree(lanes, 2 * L) + tail(xr, w2, bound);
    z[c + 3] = LaneSums.tree(lanes, 3 * L) + tail(xr, w3, bound);
  }

  private void single(int r, int o, float[] lanes) {
    int xr = r * in;
    int wo = wOff + o * in;
    FloatVector acc = FloatVector.zero(S);
    int bound = in - in % L;
    for (int k = 0; k < bound; k += L) {
      acc = FloatVector.fromArray(S, x, xr + k).fma(FloatVector.fromArray(S, p, wo + k), acc);
    }
    acc.intoArray(lanes, 0);
    z[r * out + o] = LaneSums.tree(lanes, 0) + tail(xr, wo, bound);
  }

  /** The products past the last full vector. */
  private float tail(int xr, int wo, int from) {
    float sum = 0f;
    for (int k = from; k < in; k++) sum = Math.fma(x[xr + k], p[wo + k], sum);
    return sum;
  }

  /** Bias and activation on the finished rows [from, to). */
  private void finish(int from, int to) {
    for (int r = from; r < to; r++) {
      int row = r * out;
      if (bOff >= 0) {
        for (int o = 0; o < out; o++) z[row + o] += p[bOff + o];
      }
      if (relu) {
        for (int o = 0; o < out; o++) z[row + o] = Math.max(z[row + o], 0f);
      } else if (activation != null) {
        activation.forwardRow(z, y, row, out);
      }
    }
  }
}
