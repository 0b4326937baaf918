package dev.kiln.runtime.seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chosen attention kernels (scalar or Vector API, depending on the run) against a double-precision
 * reference, on matrices that lie inside bigger ones, with sizes around the vector widths (8 and 16
 * lanes) so that the 4-row blocks, the one- and two-vector tiles and the column tails all run.
 */
class AttentionKernelsTest {
  private static final AttentionKernels KERNELS = AttentionKernels.chosen();

  static Stream<Arguments> shapes() {
    return Stream.of(new int[][] {{1, 1, 1}, {3, 5, 2}, {4, 8, 16}, {4, 16, 16}, {5, 17, 9}, {8, 32, 16},
        {9, 33, 7}, {32, 32, 16}, {32, 16, 32}, {64, 64, 32}, {7, 48, 64}, {13, 40, 3}})
        .map(s -> Arguments.of(s[0], s[1], s[2]));
  }

  @ParameterizedTest(name = "m {0}, n {1}, k {2}")
  @MethodSource("shapes")
  void productMatchesTheReferenceAndWritesOnlyItsBlock(int m, int n, int k) {
    Random random = new Random(m * 1000 + n * 10 + k);
    int aStride = k + 3;
    int bStride = n + 5;
    int cStride = n + 2;
    float[] a = random(random, 1 + m * aStride);
    float[] b = random(random, 2 + k * bStride);
    float[] c = random(random, 3 + m * cStride);
    float[] before = c.clone();
    KERNELS.product(a, 1, aStride, b, 2, bStride, c, 3, cStride, m, n, k);
    for (int e = 0; e < c.length; e++) {
      int i = (e - 3) / cStride;
      int j = (e - 3) % cStride;
      if (e < 3 || j >= n) {
        assertEquals(before[e], c[e], "c[" + e + "] lies outside the block");
        continue;
      }
      double expected = 0;
      for (int p = 0; p < k; p++) expected += (double) a[1 + i * aStride + p] * b[2 + p * bStride + j];
      assertEquals(expected, c[e], 1e-5 * (1 + k), "c[" + i + "," + j + "]");
    }
  }

  @ParameterizedTest(name = "m {0}, n {1}, k {2}")
  @MethodSource("shapes")
  void aProductsValueDoesNotDependOnTheRowsAndColumnsComputedWithIt(int m, int n, int k) {
    Random random = new Random(m + n + k);
    float[] a = random(random, m * k);
    float[] b = random(random, k * n);
    float[] whole = new float[m * n];
    KERNELS.product(a, 0, k, b, 0, n, whole, 0, n, m, n, k);
    float[] one = new float[n];
    for (int i = 0; i < m; i++) {
      KERNELS.product(a, i * k, k, b, 0, n, one, 0, n, 1, n, k);
      assertArrayEquals(java.util.Arrays.copyOfRange(whole, i * n, (i + 1) * n), one, "row " + i + " alone");
    }
    for (int j = 0; j < n; j++) {
      float[] column = new float[m];
      KERNELS.product(a, 0, k, b, j, n, column, 0, 1, m, 1, k);
      for (int i = 0; i < m; i++) assertEquals(whole[i * n + j], column[i], "column " + j + " alone, row " + i);
    }
  }

  @ParameterizedTest(name = "rows {0}, n {1}")
  @MethodSource("shapes")
  void softmaxRowsMatchesTheReference(int m, int n, int ignored) {
    Random random = new Random(m * 7 + n);
    float[] s = random(random, 2 + m * n);
    for (int e = 0; e < s.length; e++) s[e] *= 4;
    // Masked keys, as attention marks them.
    for (int e = 2; e < s.length; e += 3) s[e] = Float.NEGATIVE_INFINITY;
    float[] before = s.clone();
    KERNELS.softmaxRows(s, 2, m, n);
    assertEquals(before[0], s[0]);
    assertEquals(before[1], s[1]);
    for (int i = 0; i < m; i++) {
      int row = 2 + i * n;
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < n; j++) max = Math.max(max, before[row + j]);
      double sum = 0;
      for (int j = 0; j < n; j++) sum += Math.exp(before[row + j] - max);
      for (int j = 0; j < n; j++) {
        if (before[row + j] == Float.NEGATIVE_INFINITY) {
          assertEquals(0f, s[row + j], "a masked key's probability");
        } else {
          assertEquals(Math.exp(before[row + j] - max) / sum, s[row + j], 1e-6, "p[" + i + "," + j + "]");
        }
      }
    }
  }

  @Test
  void aRowWhoseEveryKeyIsMaskedBecomesZeros() {
    float[] s = new float[40];
    java.util.Arrays.fill(s, Float.NEGATIVE_INFINITY);
    s[39] = 1f;
    KERNELS.softmaxRows(s, 0, 2, 20);
    for (int j = 0; j < 20; j++) assertEquals(0f, s[j], "p[0," + j + "]");
    assertEquals(1f, s[39]);
  }

  private static float[] random(Random random, int n) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) values[i] = (float) random.nextGaussian();
    return values;
  }
}
