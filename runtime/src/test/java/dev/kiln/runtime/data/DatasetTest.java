package dev.kiln.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DatasetTest {
  /** Ten rows of two features, (i, 10 i), labelled i % 3. */
  private static Dataset tenRows() {
    float[] x = new float[20];
    int[] y = new int[10];
    for (int i = 0; i < 10; i++) {
      x[2 * i] = i;
      x[2 * i + 1] = 10 * i;
      y[i] = i % 3;
    }
    return Dataset.ofClasses(x, 2, y);
  }

  @Test
  void labelsMustBeOnePerRow() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Dataset.ofClasses(new float[6], 2, new int[] {0, 1}));
    assertEquals("labels has 2 values but features has 3 rows; expected one label per row", e.getMessage());
  }

  @Test
  void featuresMustBeWholeRows() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Dataset.ofClasses(new float[5], 2, new int[2]));
    assertEquals("features has 5 values; expected a multiple of the width 2", e.getMessage());
  }

  @Test
  void theNumberOfClassesIsOneMoreThanTheLargestLabel() {
    assertEquals(3, tenRows().classes());
  }

  @Test
  void theSameSeedShufflesAlikeAndKeepsRowsWithTheirLabels() {
    Dataset a = tenRows().shuffled(7);
    Dataset b = tenRows().shuffled(7);
    assertArrayEquals(a.features(), b.features());
    assertFalse(Arrays.equals(tenRows().features(), a.features()));
    for (int i = 0; i < 10; i++) assertEquals(((int) a.features()[2 * i]) % 3, a.labels()[i]);
  }

  @Test
  void aSplitPartitionsTheRows() {
    Dataset.Split split = tenRows().split(0.3, 1);
    assertEquals(7, split.train().size());
    assertEquals(3, split.test().size());
    float[] all = new float[10];
    for (int i = 0; i < 7; i++) all[i] = split.train().features()[2 * i];
    for (int i = 0; i < 3; i++) all[7 + i] = split.test().features()[2 * i];
    Arrays.sort(all);
    assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, all);
  }

  @Test
  void standardisingGivesEachFeatureMeanZeroAndUnitVariance() {
    Dataset data = tenRows();
    Dataset standard = data.standardizer().apply(data);
    float[] x = standard.features();
    double mean = 0;
    double squares = 0;
    for (int i = 0; i < 10; i++) {
      mean += x[2 * i + 1] / 10.0;
      squares += x[2 * i + 1] * x[2 * i + 1] / 10.0;
    }
    assertEquals(0, mean, 1e-6);
    assertEquals(1, squares, 1e-5);
  }

  @Test
  void theTrainingSetsStatisticsStandardiseOtherData() {
    Standardizer standardizer = tenRows().standardizer();
    Dataset other = Dataset.ofClasses(new float[] {4.5f, 45f}, 2, new int[] {0});
    assertArrayEquals(new float[] {0f, 0f}, standardizer.apply(other).features(), 1e-6f);
  }

  @Test
  void aBatchIsCopiedInTheGivenOrder() {
    float[] x = new float[4];
    int[] y = new int[2];
    tenRows().copyBatch(new int[] {9, 4, 2}, 1, 2, x, y);
    assertArrayEquals(new float[] {4, 40, 2, 20}, x);
    assertArrayEquals(new int[] {1, 2}, y);
  }
}
