package dev.kiln.runtime.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code C = A · B} on the Vector API, the one product behind all three of a Linear layer's. A block of C
 * stays in registers while the K loop broadcasts A's values and streams B's rows: 6 rows by 2 vectors,
 * then 4 and 1 rows for what is left. Large products, on machines with 32 vector registers (AVX-512),
 * take 8 rows by 3 vectors, with B packed first, a panel at a time, so that each strip of it lies in one
 * sequential stream. Columns that do not fill a vector, and products narrower than one, go to a 4-by-4
 * register tile of scalars: sixteen independent chains, so that narrow layers are not held up by a slow
 * path. Bias and ReLU are added as C is stored; other activations, and ReLU's backward pass, run on each
 * block of rows as soon as it is complete.
 *
 * <p>{@code A(i, p) = a[aOff + i·ars + p·acs]}, so A may be read transposed; {@code B(p, j) =
 * b[bOff + p·ldb + j]}; {@code C(i, j) = c[cOff + i·ldc + j]}.
 */
final class PanamaGemm {
  private static final VectorSpecies<Float> S = VectorShape.FLOATS;
  private static final int L = S.length();
  private static final int MR = 6;
  /** The floats of B one panel may hold: a quarter of a 1 MiB L2. */
  private static final int PANEL_FLOATS = 64 * 1024;

  /** {@code -Dkiln.gemm.noPack=true} streams B unpacked, to measure what packing brings. */
  static final boolean PACK = !Boolean.getBoolean("kiln.gemm.noPack");
  /**
   * The rows of C, per thread, from which B is packed and the 8 x 3 block used: packing costs a pass over
   * B, which this many rows repay.
   */
  static final int PACK_MIN_ROWS = 72;
  /**
   * The 8-row by 3-vector block needs 28 vector registers. 16-lane floats mean AVX-512, which has 32; an
   * AVX2 machine's 16 would spill, and keeps the 6-row by 2-vector block.
   */
  static final boolean WIDE_TILE = VectorShape.WIDE_TILES;
  /** Each thread's packed panel of B; a thread runs one product at a time. */
  private static final ThreadLocal<float[][]> PACKED = ThreadLocal.withInitial(() -> new float[1][0]);

  private PanamaGemm() {}

  private static float[] packBuffer(int size) {
    float[][] holder = PACKED.get();
    if (holder[0].length < size) holder[0] = new float[size];
    return holder[0];
  }

  /** One call's operands; the rows [from, to) of C are computed by {@link #rows}. */
  static final class Product implements Parallel.Rows {
    int n, k;
    float[] a; int aOff, ars, acs;
    float[] b; int bOff, ldb;
    float[] c; int cOff, ldc;
    /** Added to every row of C, from {@code bias[biasOff]}; null for none. */
    float[] bias; int biasOff;
    /** Whether max(0, ·) is applied as C is stored. */
    boolean relu;
    /** Applied to each finished row of C into {@code y}, when not null. */
    Epilogue activation; float[] y;
    /** When not null, laid out as C: C is zeroed where it is not above 0 (ReLU's backward pass). */
    float[] reluOutput;

    @Override
    public void rows(int from, int to) {
      // The 8 x 3 block is faster, but C2 takes longer to compile it: in a short run of small products,
      // such as five epochs of a 784-128-10 network at batch 64, it costs more than it saves.
      int start = WIDE_TILE && to - from >= PACK_MIN_ROWS ? rowsOf8(from, to) : from;
      rowsOf6(start, to);
    }

    /**
     * The rows [from, from + 8·⌊(to − from)/8⌋) of C, in 8-row by 3-vector blocks while three vectors of
     * columns remain, the columns left over in 4-row by 2-vector and 1-vector blocks and the scalar tile;
     * returns the first row not done.
     */
    private int rowsOf8(int from, int to) {
      int end = from + (to - from) / 8 * 8;
      if (end == from) return from;
      int tripleColumns = n - n % (3 * L);
      int pairEnd = n - tripleColumns >= 2 * L ? tripleColumns + 2 * L : tripleColumns;
      int vectorColumns = n - pairEnd >= L ? pairEnd + L : pairEnd;
      int panel = Math.max(3 * L, PANEL_FLOATS / Math.max(1, k) / (3 * L) * (3 * L));
      float[] packed = PACK ? packBuffer(k * Math.min(panel, tripleColumns)) : b;
      for (int jp = 0; jp < tripleColumns; jp += panel) {
        int jEnd = Math.min(tripleColumns, jp + panel);
        if (PACK) packPanel(packed, jp, jEnd, 3);
        for (int i = from; i < end; i += 8) {
          for (int j = jp; j < jEnd; j += 3 * L) {
            if (PACK) block8(i, j, packed, (j - jp) * k, 3 * L);
            else block8(i, j, b, bOff + j, ldb);
          }
        }
      }
      for (int i = from; i < end; i += 8) {
        if (pairEnd > tripleColumns) {
          block4(i, tripleColumns);
          block4(i + 4, tripleColumns);
        }
        if (vectorColumns > pairEnd) {
          narrowBlock(i, 6, pairEnd);
          narrowBlock(i + 6, 2, pairEnd);
        }
        scalarTile(i, i + 8, vectorColumns);
        activate(i, i + 8);
      }
      return end;
    }

    private void rowsOf6(int from, int to) {
      int pairColumns = n - n % (2 * L);
      // One more vector's worth of columns, when n is an odd number of vectors (784 = 24.5 · 32).
      boolean oneMore = n - pairColumns >= L;
      int vectorColumns = oneMore ? pairColumns + L : pairColumns;
      // Panels of B's columns small enough to stay in L2 while every 6-row block of A passes over them.
      int panel = Math.max(2 * L, PANEL_FLOATS / Math.max(1, k) / (2 * L) * (2 * L));
      int blocked = from + (to - from) / MR * MR;
      boolean pack = PACK && blocked - from >= PACK_MIN_ROWS;
      float[] packed = pack ? packBuffer(k * Math.min(panel, pairColumns)) : b;
      for (int jp = 0; jp < pairColumns; jp += panel) {
        int jEnd = Math.min(pairColumns, jp + panel);
        if (pack) packPanel(packed, jp, jEnd, 2);
        for (int i = from; i < blocked; i += MR) {
          for (int j = jp; j < jEnd; j += 2 * L) {
            if (pack) block6(i, j, packed, (j - jp) * k, 2 * L);
            else block6(i, j, b, bOff + j, ldb);
          }
        }
      }
      int i = from;
      for (; i + MR <= to; i += MR) {
        if (oneMore) narrowBlock(i, MR, pairColumns);
        scalarTile(i, i + MR, vectorColumns);
        activate(i, i + MR);
      }
      for (; i + 4 <= to; i += 4) {
        for (int j = 0; j < pairColumns; j += 2 * L) block4(i, j);
        if (oneMore) narrowBlock(i, 4, pairColumns);
        scalarTile(i, i + 4, vectorColumns);
        activate(i, i + 4);
      }
      if (i < to) {
        // Fewer than four rows left: vectors still cover the wide columns, one row at a time.
        for (int r = i; r < to; r++) {
          for (int j = 0; j < pairColumns; j += 2 * L) block1(r, j);
        }
        if (oneMore) narrowBlock(i, to - i, pairColumns);
        scalarTile(i, to, vectorColumns);
        activate(i, to);
      }
    }

    /**
     * The epilogue of a block just stored: {@code rows} rows from i, {@code vectors} vectors of columns from
     * j, the bias added and max(0, ·) applied when asked. In a method of its own so that the blocks stay
     * short enough for C2 to compile every vector operation in them.
     */
    private void finish(int i, int rows, int j, int vectors) {
      if (bias == null && !relu) return;
      FloatVector floor = FloatVector.broadcast(S, relu ? 0f : Float.NEGATIVE_INFINITY);
      for (int r = 0; r < rows; r++) {
        int at = cOff + (i + r) * ldc + j;
        for (int v = 0; v < vectors; v++) {
          if (bias == null) {
            FloatVector.fromArray(S, c, at + v * L).max(floor).intoArray(c, at + v * L);
          } else {
            FloatVector.fromArray(S, c, at + v * L).add(FloatVector.fromArray(S, bias, biasOff + j + v * L))
                .max(floor).intoArray(c, at + v * L);
          }
        }
      }
    }

    /** Rows i..i+count-1 (count at most 6), columns j..j+L-1: one vector wide, one accumulator per row. */
    private void narrowBlock(int i, int count, int j) {
      // Rows past count read row i again and are not stored, which keeps the loop free of branches.
      int a0 = aOff + i * ars;
      int a1 = aOff + (i + Math.min(1, count - 1)) * ars;
      int a2 = aOff + (i + Math.min(2, count - 1)) * ars;
      int a3 = aOff + (i + Math.min(3, count - 1)) * ars;
      int a4 = aOff + (i + Math.min(4, count - 1)) * ars;
      int a5 = aOff + (i + Math.min(5, count - 1)) * ars;
      FloatVector x0 = FloatVector.zero(S), x1 = FloatVector.zero(S), x2 = FloatVector.zero(S);
      FloatVector x3 = FloatVector.zero(S), x4 = FloatVector.zero(S), x5 = FloatVector.zero(S);
      for (int p = 0; p < k; p++) {
        FloatVector b0 = FloatVector.fromArray(S, b, bOff + p * ldb + j);
        int ap = p * acs;
        x0 = b0.fma(FloatVector.broadcast(S, a[a0 + ap]), x0);
        x1 = b0.fma(FloatVector.broadcast(S, a[a1 + ap]), x1);
        x2 = b0.fma(FloatVector.broadcast(S, a[a2 + ap]), x2);
        x3 = b0.fma(FloatVector.broadcast(S, a[a3 + ap]), x3);
        x4 = b0.fma(FloatVector.broadcast(S, a[a4 + ap]), x4);
        x5 = b0.fma(FloatVector.broadcast(S, a[a5 + ap]), x5);
      }
      FloatVector bias0 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, biasOff + j);
      FloatVector floor = FloatVector.broadcast(S, relu ? 0f : Float.NEGATIVE_INFINITY);
      int c0 = cOff + i * ldc + j;
      x0.add(bias0).max(floor).intoArray(c, c0);
      if (count > 1) x1.add(bias0).max(floor).intoArray(c, c0 + ldc);
      if (count > 2) x2.add(bias0).max(floor).intoArray(c, c0 + 2 * ldc);
      if (count > 3) x3.add(bias0).max(floor).intoArray(c, c0 + 3 * ldc);
      if (count > 4) x4.add(bias0).max(floor).intoArray(c, c0 + 4 * ldc);
      if (count > 5) x5.add(bias0).max(floor).intoArray(c, c0 + 5 * ldc);
    }

    private void activate(int from, int to) {
      if (activation != null) {
        for (int r = from; r < to; r++) activation.forwardRow(c, y, cOff + r * ldc, n);
      }
      if (reluOutput != null) {
        for (int r = from; r < to; r++) reluGate(cOff + r * ldc);
      }
    }

    /** ReLU's backward pass on one finished row of C: 0 wherever the ReLU's output is not above 0. */
    private void reluGate(int row) {
      int j = 0;
      for (; j + L <= n; j += L) {
        FloatVector.fromArray(S, c, row + j)
            .blend(0f, FloatVector.fromArray(S, reluOutput, row + j).compare(VectorOperators.LE, 0f))
            .intoArray(c, row + j);
      }
      for (; j < n; j++) {
        if (reluOutput[row + j] <= 0f) c[row + j] = 0f;
      }
    }

    /**
     * Copies B's columns [jp, jEnd) into {@code packed}, one strip of {@code vectors} vectors of columns
     * after another, each strip its K rows back to back: a block then reads its B in one sequential stream.
     */
    private void packPanel(float[] packed, int jp, int jEnd, int vectors) {
      int at = 0;
      for (int j = jp; j < jEnd; j += vectors * L) {
        for (int p = 0, row = bOff + j; p < k; p++, row += ldb) {
          for (int v = 0; v < vectors; v++, at += L) FloatVector.fromArray(S, b, row + v * L).intoArray(packed, at);
        }
      }
    }

    /**
     * Rows i..i+7, columns j..j+3L-1: twenty-four accumulators, for machines with 32 vector registers. Row
     * p of B's strip starts at {@code bb[bAt + p·bStride]}.
     */
    private void block8(int i, int j, float[] bb, int bAt, int bStride) {
      int a0 = aOff + i * ars;
      int a1 = a0 + ars;
      int a2 = a1 + ars;
      int a3 = a2 + ars;
      int a4 = a3 + ars;
      int a5 = a4 + ars;
      int a6 = a5 + ars;
      int a7 = a6 + ars;
      FloatVector x00 = FloatVector.zero(S), x01 = FloatVector.zero(S), x02 = FloatVector.zero(S);
      FloatVector x10 = FloatVector.zero(S), x11 = FloatVector.zero(S), x12 = FloatVector.zero(S);
      FloatVector x20 = FloatVector.zero(S), x21 = FloatVector.zero(S), x22 = FloatVector.zero(S);
      FloatVector x30 = FloatVector.zero(S), x31 = FloatVector.zero(S), x32 = FloatVector.zero(S);
      FloatVector x40 = FloatVector.zero(S), x41 = FloatVector.zero(S), x42 = FloatVector.zero(S);
      FloatVector x50 = FloatVector.zero(S), x51 = FloatVector.zero(S), x52 = FloatVector.zero(S);
      FloatVector x60 = FloatVector.zero(S), x61 = FloatVector.zero(S), x62 = FloatVector.zero(S);
      FloatVector x70 = FloatVector.zero(S), x71 = FloatVector.zero(S), x72 = FloatVector.zero(S);
      for (int p = 0, bp = bAt; p < k; p++, bp += bStride) {
        FloatVector b0 = FloatVector.fromArray(S, bb, bp);
        FloatVector b1 = FloatVector.fromArray(S, bb, bp + L);
        FloatVector b2 = FloatVector.fromArray(S, bb, bp + 2 * L);
        int ap = p * acs;
        FloatVector s = FloatVector.broadcast(S, a[a0 + ap]);
        x00 = b0.fma(s, x00);
        x01 = b1.fma(s, x01);
        x02 = b2.fma(s, x02);
        s = FloatVector.broadcast(S, a[a1 + ap]);
        x10 = b0.fma(s, x10);
        x11 = b1.fma(s, x11);
        x12 = b2.fma(s, x12);
        s = FloatVector.broadcast(S, a[a2 + ap]);
        x20 = b0.fma(s, x20);
        x21 = b1.fma(s, x21);
        x22 = b2.fma(s, x22);
        s = FloatVector.broadcast(S, a[a3 + ap]);
        x30 = b0.fma(s, x30);
        x31 = b1.fma(s, x31);
        x32 = b2.fma(s, x32);
        s = FloatVector.broadcast(S, a[a4 + ap]);
        x40 = b0.fma(s, x40);
        x41 = b1.fma(s, x41);
        x42 = b2.fma(s, x42);
        s = FloatVector.broadcast(S, a[a5 + ap]);
        x50 = b0.fma(s, x50);
        x51 = b1.fma(s, x51);
        x52 = b2.fma(s, x52);
        s = FloatVector.broadcast(S, a[a6 + ap]);
        x60 = b0.fma(s, x60);
        x61 = b1.fma(s, x61);
        x62 = b2.fma(s, x62);
        s = FloatVector.broadcast(S, a[a7 + ap]);
        x70 = b0.fma(s, x70);
        x71 = b1.fma(s, x71);
        x72 = b2.fma(s, x72);
      }
      // Stored as summed: bias and ReLU are a pass of their own (finish), since C2 gives up intrinsifying
      // the last stores of a method this long (JDK 17 left 17 of 24 to the Vector API's slow path).
      int c0 = cOff + i * ldc + j;
      x00.intoArray(c, c0);
      x01.intoArray(c, c0 + L);
      x02.intoArray(c, c0 + 2 * L);
      x10.intoArray(c, c0 + ldc);
      x11.intoArray(c, c0 + ldc + L);
      x12.intoArray(c, c0 + ldc + 2 * L);
      x20.intoArray(c, c0 + 2 * ldc);
      x21.intoArray(c, c0 + 2 * ldc + L);
      x22.intoArray(c, c0 + 2 * ldc + 2 * L);
      x30.intoArray(c, c0 + 3 * ldc);
      x31.intoArray(c, c0 + 3 * ldc + L);
      x32.intoArray(c, c0 + 3 * ldc + 2 * L);
      x40.intoArray(c, c0 + 4 * ldc);
      x41.intoArray(c, c0 + 4 * ldc + L);
      x42.intoArray(c, c0 + 4 * ldc + 2 * L);
      x50.intoArray(c, c0 + 5 * ldc);
      x51.intoArray(c, c0 + 5 * ldc + L);
      x52.intoArray(c, c0 + 5 * ldc + 2 * L);
      x60.intoArray(c, c0 + 6 * ldc);
      x61.intoArray(c, c0 + 6 * ldc + L);
      x62.intoArray(c, c0 + 6 * ldc + 2 * L);
      x70.intoArray(c, c0 + 7 * ldc);
      x71.intoArray(c, c0 + 7 * ldc + L);
      x72.intoArray(c, c0 + 7 * ldc + 2 * L);
      finish(i, 8, j, 3);
    }

    /**
     * Rows i..i+5, columns j..j+2L-1: twelve accumulators, enough to cover the multiply-add latency. Row p
     * of B's strip starts at {@code bb[bAt + p·bStride]}: B itself, or its packed copy.
     */
    private void block6(int i, int j, float[] bb, int bAt, int bStride) {
      int a0 = aOff + i * ars;
      int a1 = a0 + ars;
      int a2 = a1 + ars;
      int a3 = a2 + ars;
      int a4 = a3 + ars;
      int a5 = a4 + ars;
      FloatVector x00 = FloatVector.zero(S), x01 = FloatVector.zero(S);
      FloatVector x10 = FloatVector.zero(S), x11 = FloatVector.zero(S);
      FloatVector x20 = FloatVector.zero(S), x21 = FloatVector.zero(S);
      FloatVector x30 = FloatVector.zero(S), x31 = FloatVector.zero(S);
      FloatVector x40 = FloatVector.zero(S), x41 = FloatVector.zero(S);
      FloatVector x50 = FloatVector.zero(S), x51 = FloatVector.zero(S);
      for (int p = 0, bp = bAt; p < k; p++, bp += bStride) {
        FloatVector b0 = FloatVector.fromArray(S, bb, bp);
        FloatVector b1 = FloatVector.fromArray(S, bb, bp + L);
        int ap = p * acs;
        FloatVector s = FloatVector.broadcast(S, a[a0 + ap]);
        x00 = b0.fma(s, x00);
        x01 = b1.fma(s, x01);
        s = FloatVector.broadcast(S, a[a1 + ap]);
        x10 = b0.fma(s, x10);
        x11 = b1.fma(s, x11);
        s = FloatVector.broadcast(S, a[a2 + ap]);
        x20 = b0.fma(s, x20);
        x21 = b1.fma(s, x21);
        s = FloatVector.broadcast(S, a[a3 + ap]);
        x30 = b0.fma(s, x30);
        x31 = b1.fma(s, x31);
        s = FloatVector.broadcast(S, a[a4 + ap]);
        x40 = b0.fma(s, x40);
        x41 = b1.fma(s, x41);
        s = FloatVector.broadcast(S, a[a5 + ap]);
        x50 = b0.fma(s, x50);
        x51 = b1.fma(s, x51);
      }
      // Stored as summed, as in block8.
      int c0 = cOff + i * ldc + j;
      x00.intoArray(c, c0);
      x01.intoArray(c, c0 + L);
      x10.intoArray(c, c0 + ldc);
      x11.intoArray(c, c0 + ldc + L);
      x20.intoArray(c, c0 + 2 * ldc);
      x21.intoArray(c, c0 + 2 * ldc + L);
      x30.intoArray(c, c0 + 3 * ldc);
      x31.intoArray(c, c0 + 3 * ldc + L);
      x40.intoArray(c, c0 + 4 * ldc);
      x41.intoArray(c, c0 + 4 * ldc + L);
      x50.intoArray(c, c0 + 5 * ldc);
      x51.intoArray(c, c0 + 5 * ldc + L);
      finish(i, 6, j, 2);
    }

    /** Rows i..i+3, columns j..j+2L-1. */
    private void block4(int i, int j) {
      int a0 = aOff + i * ars;
      int a1 = a0 + ars;
      int a2 = a1 + ars;
      int a3 = a2 + ars;
      FloatVector x00 = FloatVector.zero(S), x01 = FloatVector.zero(S);
      FloatVector x10 = FloatVector.zero(S), x11 = FloatVector.zero(S);
      FloatVector x20 = FloatVector.zero(S), x21 = FloatVector.zero(S);
      FloatVector x30 = FloatVector.zero(S), x31 = FloatVector.zero(S);
      for (int p = 0; p < k; p++) {
        int bp = bOff + p * ldb + j;
        FloatVector b0 = FloatVector.fromArray(S, b, bp);
        FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
        int ap = p * acs;
        FloatVector s = FloatVector.broadcast(S, a[a0 + ap]);
        x00 = b0.fma(s, x00);
        x01 = b1.fma(s, x01);
        s = FloatVector.broadcast(S, a[a1 + ap]);
        x10 = b0.fma(s, x10);
        x11 = b1.fma(s, x11);
        s = FloatVector.broadcast(S, a[a2 + ap]);
        x20 = b0.fma(s, x20);
        x21 = b1.fma(s, x21);
        s = FloatVector.broadcast(S, a[a3 + ap]);
        x30 = b0.fma(s, x30);
        x31 = b1.fma(s, x31);
      }
      FloatVector bias0 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, biasOff + j);
      FloatVector bias1 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, biasOff + j + L);
      FloatVector floor = FloatVector.broadcast(S, relu ? 0f : Float.NEGATIVE_INFINITY);
      int c0 = cOff + i * ldc + j;
      x00.add(bias0).max(floor).intoArray(c, c0);
      x01.add(bias1).max(floor).intoArray(c, c0 + L);
      x10.add(bias0).max(floor).intoArray(c, c0 + ldc);
      x11.add(bias1).max(floor).intoArray(c, c0 + ldc + L);
      x20.add(bias0).max(floor).intoArray(c, c0 + 2 * ldc);
      x21.add(bias1).max(floor).intoArray(c, c0 + 2 * ldc + L);
      x30.add(bias0).max(floor).intoArray(c, c0 + 3 * ldc);
      x31.add(bias1).max(floor).intoArray(c, c0 + 3 * ldc + L);
    }

    /** Row i, columns j..j+2L-1. */
    private void block1(int i, int j) {
      int a0 = aOff + i * ars;
      FloatVector x0 = FloatVector.zero(S), x1 = FloatVector.zero(S);
      for (int p = 0; p < k; p++) {
        int bp = bOff + p * ldb + j;
        FloatVector s = FloatVector.broadcast(S, a[a0 + p * acs]);
        x0 = FloatVector.fromArray(S, b, bp).fma(s, x0);
        x1 = FloatVector.fromArray(S, b, bp + L).fma(s, x1);
      }
      FloatVector bias0 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, biasOff + j);
      FloatVector bias1 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, biasOff + j + L);
      FloatVector floor = FloatVector.broadcast(S, relu ? 0f : Float.NEGATIVE_INFINITY);
      int c0 = cOff + i * ldc + j;
      x0.add(bias0).max(floor).intoArray(c, c0);
      x1.add(bias1).max(floor).intoArray(c, c0 + L);
    }

    /** Rows [i0, i1), columns [j0, n), in 4-by-4 tiles of scalar accumulators. */
    private void scalarTile(int i0, int i1, int j0) {
      if (j0 >= n) return;
      int i = i0;
      for (; i + 4 <= i1; i += 4) {
        int a0 = aOff + i * ars;
        int a1 = a0 + ars;
        int a2 = a1 + ars;
        int a3 = a2 + ars;
        int j = j0;
        for (; j + 4 <= n; j += 4) {
          float c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
          float c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
          for (int p = 0; p < k; p++) {
            int bp = bOff + p * ldb + j;
            float b0 = b[bp], b1 = b[bp + 1], b2 = b[bp + 2], b3 = b[bp + 3];
            int ap = p * acs;
            float v = a[a0 + ap];
            c00 = Math.fma(v, b0, c00); c01 = Math.fma(v, b1, c01); c02 = Math.fma(v, b2, c02); c03 = Math.fma(v, b3, c03);
            v = a[a1 + ap];
            c10 = Math.fma(v, b0, c10); c11 = Math.fma(v, b1, c11); c12 = Math.fma(v, b2, c12); c13 = Math.fma(v, b3, c13);
            v = a[a2 + ap];
            c20 = Math.fma(v, b0, c20); c21 = Math.fma(v, b1, c21); c22 = Math.fma(v, b2, c22); c23 = Math.fma(v, b3, c23);
            v = a[a3 + ap];
            c30 = Math.fma(v, b0, c30); c31 = Math.fma(v, b1, c31); c32 = Math.fma(v, b2, c32); c33 = Math.fma(v, b3, c33);
          }
          int c0 = cOff + i * ldc + j;
          put(c0, j, c00, c01, c02, c03);
          put(c0 + ldc, j, c10, c11, c12, c13);
          put(c0 + 2 * ldc, j, c20, c21, c22, c23);
          put(c0 + 3 * ldc, j, c30, c31, c32, c33);
        }
        for (; j < n; j++) {
          float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
          for (int p = 0; p < k; p++) {
            float bv = b[bOff + p * ldb + j];
            int ap = p * acs;
            s0 = Math.fma(a[a0 + ap], bv, s0);
            s1 = Math.fma(a[a1 + ap], bv, s1);
            s2 = Math.fma(a[a2 + ap], bv, s2);
            s3 = Math.fma(a[a3 + ap], bv, s3);
          }
          int c0 = cOff + i * ldc + j;
          c[c0] = finish(s0, j);
          c[c0 + ldc] = finish(s1, j);
          c[c0 + 2 * ldc] = finish(s2, j);
          c[c0 + 3 * ldc] = finish(s3, j);
        }
      }
      for (; i < i1; i++) {
        // One row: four columns at a time, so that four chains of multiply-adds run side by side.
        int a0 = aOff + i * ars;
        int j = j0;
        for (; j + 4 <= n; j += 4) {
          float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
          for (int p = 0; p < k; p++) {
            int bp = bOff + p * ldb + j;
            float v = a[a0 + p * acs];
            s0 = Math.fma(v, b[bp], s0);
            s1 = Math.fma(v, b[bp + 1], s1);
            s2 = Math.fma(v, b[bp + 2], s2);
            s3 = Math.fma(v, b[bp + 3], s3);
          }
          put(cOff + i * ldc + j, j, s0, s1, s2, s3);
        }
        for (; j < n; j++) {
          // Two chains over even and odd p halve the wait on each multiply-add.
          float even = 0, odd = 0;
          int p = 0;
          for (; p + 1 < k; p += 2) {
            even = Math.fma(a[a0 + p * acs], b[bOff + p * ldb + j], even);
            odd = Math.fma(a[a0 + (p + 1) * acs], b[bOff + (p + 1) * ldb + j], odd);
          }
          if (p < k) even = Math.fma(a[a0 + p * acs], b[bOff + p * ldb + j], even);
          c[cOff + i * ldc + j] = finish(even + odd, j);
        }
      }
    }

    private void put(int at, int column, float v0, float v1, float v2, float v3) {
      c[at] = finish(v0, column);
      c[at + 1] = finish(v1, column + 1);
      c[at + 2] = finish(v2, column + 2);
      c[at + 3] = finish(v3, column + 3);
    }

    private float finish(float v, int column) {
      if (bias != null) v += bias[biasOff + column];
      return relu ? Math.max(v, 0f) : v;
    }
  }

  /** The sum of each column of {@code rows} rows of {@code cols} values, written to {@code out[outOff, +cols)}. */
  static void columnSums(float[] x, int rows, int cols, float[] out, int outOff) {
    int j = 0;
    for (; j + L <= cols; j += L) {
      FloatVector sum = FloatVector.zero(S);
      for (int r = 0; r < rows; r++) sum = sum.add(FloatVector.fromArray(S, x, r * cols + j));
      sum.intoArray(out, outOff + j);
    }
    for (; j < cols; j++) {
      float sum = 0f;
      for (int r = 0; r < rows; r++) sum += x[r * cols + j];
      out[outOff + j] = sum;
    }
  }

}
