package dev.kiln.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each register tile of the packed product alone, against sums in double, on its packed operands. */
class RegisterTilesTest {
  private static final int L = VectorShape.LANES;

  interface Tile {
    void run(float[] a, int panel, float[] b, int strip, int kc, float[] c, int at, int ldc, boolean first);
  }

  @Test
  void tile8x2OverwritesItsBlockOfC() {
    checkOverwrites(Tile8x2::run, 8, 2 * L);
  }

  @Test
  void tile8x2AddsToItsBlockOfCAfterTheFirstBlockOfTheSharedDimension() {
    checkAdds(Tile8x2::run, 8, 2 * L);
  }

  @Test
  void tile8x1AddsToItsBlockOfCAfterTheFirstBlockOfTheSharedDimension() {
    checkAdds(Tile8x1::run, 8, L);
  }

  @Test
  void tile6x1AddsToItsBlockOfCAfterTheFirstBlockOfTheSharedDimension() {
    checkAdds(Tile6x1::run, 6, L);
  }

  @Test
  void tile6x2OverwritesItsBlockOfC() {
    checkOverwrites(Tile6x2::run, 6, 2 * L);
  }

  @Test
  void tile6x2AddsToItsBlockOfCAfterTheFirstBlockOfTheSharedDimension() {
    checkAdds(Tile6x2::run, 6, 2 * L);
  }

  private static void checkOverwrites(Tile tile, int mr, int nr) {
    Operands o = new Operands(mr, nr, 37);
    float[] c = o.c(Float.NaN);
    tile.run(o.a, o.panel, o.b, o.strip, o.kc, c, o.at, o.ldc, true);
    o.check(c, 0f);
  }

  private static void checkAdds(Tile tile, int mr, int nr) {
    Operands o = new Operands(mr, nr, 41);
    float[] c = o.c(0.5f);
    tile.run(o.a, o.panel, o.b, o.strip, o.kc, c, o.at, o.ldc, false);
    o.check(c, 0.5f);
  }

  /** A packed panel and strip at offsets, and a C with rows wider than the tile, NaN outside it. */
  private static final class Operands {
    final int mr, nr, kc;
    final int panel = 3, strip = 5, at, ldc;
    final float[] a, b;

    Operands(int mr, int nr, int kc) {
      this.mr = mr;
      this.nr = nr;
      this.kc = kc;
      this.ldc = nr + 7;
      this.at = ldc + 2;
      Random random = new Random(mr * 100 + kc);
      a = new float[panel + mr * kc];
      b = new float[strip + nr * kc];
      for (int i = 0; i < a.length; i++) a[i] = (float) random.nextGaussian();
      for (int i = 0; i < b.length; i++) b[i] = (float) random.nextGaussian();
    }

    float[] c(float start) {
      float[] c = new float[at + (mr + 1) * ldc];
      java.util.Arrays.fill(c, Float.NaN);
      for (int r = 0; r < mr; r++) java.util.Arrays.fill(c, at + r * ldc, at + r * ldc + nr, start);
      return c;
    }

    void check(float[] c, float start) {
      for (int r = 0; r < mr; r++) {
        for (int j = 0; j < nr; j++) {
          double sum = start;
          for (int q = 0; q < kc; q++) sum += (double) a[panel + q * mr + r] * b[strip + q * nr + j];
          assertEquals(sum, c[at + r * ldc + j], 1e-4, "row " + r + ", column " + j);
        }
        // Outside the block: untouched.
        assertEquals(Float.NaN, c[at + r * ldc + nr], "past row " + r);
      }
      assertEquals(Float.NaN, c[at - 1], "before the block");
    }
  }
}
