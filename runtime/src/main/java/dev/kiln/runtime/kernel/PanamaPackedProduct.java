package dev.kiln.runtime.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code Z = X · Wᵀ} for many rows, as BLIS computes a product: the shared dimension in blocks of
 * {@link #KC}, W's rows packed into strips of {@code NR} columns of Wᵀ and X's rows into panels of
 * {@code MR} rows, each laid out in the order the register tile reads it, so that the tile streams both from
 * cache in one sequential pass and sums along registers, never along lanes. The tile is 8 rows by 2
 * vectors on machines with 32 vector registers (AVX-512), 6 by 2 on those with 16 (AVX2).
 *
 * <p>The sums of each output run in one chain of multiply-adds from the first input to the last, whatever
 * the blocking and the split between threads: a block after the first continues from the partial sums
 * it finds in Z. Split by the outputs (the rows of W), each thread packs its own rows of W and reads them
 * from its own cache, as the weight gradient and the optimizer's update do; where there are fewer outputs
 * than rows, split by the rows of Z instead (see {@link #byRows}).
 */
final class PanamaPackedProduct implements Parallel.Rows {
  private static final VectorSpecies<Float> S = VectorShape.FLOATS;
  private static final int L = S.length();
  /** Rows and columns of the register tile. */
  static final int MR = VectorShape.WIDE_TILES ? 8 : 6;
  /**
   * Two vectors of columns on both kinds of machine. An 8 x 3 tile (24 accumulators) ran no faster on
   * AVX-512 (gemm-512 184-188 GFLOP/s against 192-193 for 8 x 2), and JDK 17 could not keep it compiled:
   * when C2's queue was long, C1 compiled it without profiling (tier 2), then failed to compile it with
   * profiling (tier 3: "out of virtual registers"), and the tier-2 code, which runs the Vector API's boxed
   * fallbacks, stayed in place for the life of the JVM (40x slower; in 7 of 10 JVMs under JFR, BENCHMARKS.md).
   */
  static final int NR = 2 * L;
  /** The shared dimension per block: an 8-row panel of X (16 KiB) stays in L1, a strip of W in L2. */
  static final int KC = 512;
  /** Rows of X packed at a time, whole panels: about 64 x 512 floats, 128 KiB, in L2 with the strip. */
  static final int MC = 64 / MR * MR;

  /** Each thread's packed panels of X and strips of W, and a tile for the edges of Z. */
  private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

  private static final class Buffers {
    float[] x = new float[MC * KC];
    float[] w = new float[0];
    final float[] tile = new float[MR * NR];

    float[] w(int size) {
      if (w.length < size) w = new float[size];
      return w;
    }
  }

  float[] x;
  float[] p;
  int wOff;
  int bOff;
  float[] z;
  int rows;
  int in;
  int out;
  boolean relu;

  /**
   * Whether the threads split Z by its rows instead of its outputs. Split by outputs, each thread packs all
   * of X and its share of W; split by rows, its share of X and all of W: the rows split packs less when
   * there are fewer outputs than rows (784-128-10 at batch 256: each thread packed 200,704 values of X for
   * 50,176 of W).
   */
  boolean byRows;

  /** Split by outputs, the outputs [from, to) of every row; split by rows, every output of rows [from, to). */
  @Override
  public void rows(int from, int to) {
    if (byRows) {
      block(from, to, 0, out);
    } else {
      block(0, rows, from, to);
    }
  }

  /** Whether to split Z by rows for {@code rows} rows of {@code out} outputs (see {@link #byRows}). */
  static boolean splitsRows(int rows, int out) {
    return out < rows;
  }

  /** Rows [r0, r1) of Z, outputs [from, to). */
  private void block(int r0, int r1, int from, int to) {
    Buffers buffers = BUFFERS.get();
    int columns = to - from;
    int strips = (columns + NR - 1) / NR;
    float[] packedW = buffers.w(strips * NR * KC);
    float[] packedX = buffers.x;
    for (int pc = 0; pc < in; pc += KC) {
      int kc = Math.min(KC, in - pc);
      boolean first = pc == 0;
      packW(packedW, from, to, pc, kc);
      for (int ic = r0; ic < r1; ic += MC) {
        int mc = Math.min(MC, r1 - ic);
        packX(packedX, ic, mc, pc, kc);
        for (int s = 0; s < strips; s++) {
          int j = from + s * NR;
          int width = Math.min(NR, to - j);
          int vectors = vectors(width);
          int strip = s * NR * kc;
          for (int i = 0; i < mc; i += MR) {
            int height = Math.min(MR, mc - i);
            int panel = i * kc;
            if (height == MR && width == vectors * L) {
              tile(vectors, packedX, panel, packedW, strip, kc, z, (ic + i) * out + j, out, first);
            } else {
              edgeTile(buffers.tile, packedX, panel, packedW, strip, kc, ic + i, height, j, width, first);
            }
          }
        }
      }
    }
    finish(r0, r1, from, to);
  }

  /** Vectors of columns in a strip {@code width} wide: whole vectors, the last one padded with zeros. */
  private static int vectors(int width) {
    return (width + L - 1) / L;
  }

  /**
   * A tile cut by the edge of Z: computed whole in {@code scratch}, from Z's partial sums after the first
   * block, and only its {@code height} x {@code width} corner copied back.
   */
  private void edgeTile(float[] scratch, float[] packedX, int panel, float[] packedW, int strip, int kc,
      int row, int height, int column, int width, boolean first) {
    int vectors = vectors(width);
    int ld = vectors * L;
    if (!first) {
      for (int r = 0; r < height; r++) System.arraycopy(z, (row + r) * out + column, scratch, r * ld, width);
    }
    tile(vectors, packedX, panel, packedW, strip, kc, scratch, 0, ld, first);
    for (int r = 0; r < height; r++) System.arraycopy(scratch, r * ld, z, (row + r) * out + column, width);
  }

  /** The register tile for a strip of {@code vectors} vectors of columns. */
  private static void tile(int vectors, float[] a, int panel, float[] b, int strip, int kc, float[] c, int at,
      int ldc, boolean first) {
    if (VectorShape.WIDE_TILES) {
      if (vectors == 2) {
        Tile8x2.run(a, panel, b, strip, kc, c, at, ldc, first);
      } else {
        Tile8x1.run(a, panel, b, strip, kc, c, at, ldc, first);
      }
    } else if (vectors == 2) {
      Tile6x2.run(a, panel, b, strip, kc, c, at, ldc, first);
    } else {
      Tile6x1.run(a, panel, b, strip, kc, c, at, ldc, first);
    }
  }

  /**
   * W's rows [from, to), inputs [pc, pc + kc), as strips of NR columns of Wᵀ: strip s holds, for each
   * input in turn, its columns' weights; the last strip only as many vectors as its columns fill, the
   * columns past {@code to} zeros.
   */
  private void packW(float[] packed, int from, int to, int pc, int kc) {
    for (int j = from, strip = 0; j < to; j += NR, strip += NR * kc) {
      int width = Math.min(NR, to - j);
      int stride = vectors(width) * L;
      for (int o = 0; o < stride; o++) {
        if (o < width) {
          int row = wOff + (j + o) * in + pc;
          for (int q = 0, at = strip + o; q < kc; q++, at += stride) packed[at] = p[row + q];
        } else {
          for (int q = 0, at = strip + o; q < kc; q++, at += stride) packed[at] = 0f;
        }
      }
    }
  }

  /**
   * X's rows [ic, ic + mc), inputs [pc, pc + kc), as panels of MR rows: panel i holds, for each input in
   * turn, its MR values; the rows past the last are zeros.
   */
  private void packX(float[] packed, int ic, int mc, int pc, int kc) {
    for (int i = 0; i < mc; i += MR) {
      int panel = i * kc;
      for (int r = 0; r < MR; r++) {
        if (i + r < mc) {
          int row = (ic + i + r) * in + pc;
          for (int q = 0, at = panel + r; q < kc; q++, at += MR) packed[at] = x[row + q];
        } else {
          for (int q = 0, at = panel + r; q < kc; q++, at += MR) packed[at] = 0f;
        }
      }
    }
  }

  /** Bias and ReLU on rows [r0, r1), outputs [from, to), once their sums are complete. */
  private void finish(int r0, int r1, int from, int to) {
    if (bOff < 0 && !relu) return;
    float floor = relu ? 0f : Float.NEGATIVE_INFINITY;
    for (int r = r0; r < r1; r++) {
      int row = r * out;
      int o = from;
      for (; o + L <= to; o += L) {
        FloatVector v = FloatVector.fromArray(S, z, row + o);
        if (bOff >= 0) v = v.add(FloatVector.fromArray(S, p, bOff + o));
        v.max(floor).intoArray(z, row + o);
      }
      for (; o < to; o++) z[row + o] = Math.max(bOff >= 0 ? z[row + o] + p[bOff + o] : z[row + o], floor);
    }
  }
}
