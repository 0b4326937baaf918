package dev.kiln.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir;

  @Test
  void aCsvFileGivesItsLabelColumnAsClassesAndTheRestAsFeatures() throws java.io.IOException {
    java.nio.file.Path csv = dir.resolve("iris.csv");
    java.nio.file.Files.writeString(csv, "length,species,width\n5.1,0,3.5\n\"6.2\",2,2.9\n");
    Dataset data = Dataset.fromCsv(csv, "species");
    assertEquals(2, data.width());
    assertArrayEquals(new float[] {5.1f, 3.5f, 6.2f, 2.9f}, data.features());
    assertArrayEquals(new int[] {0, 2}, data.labels());
  }

  @Test
  void aValueThatIsNotANumberIsNamedWithItsLineAndColumn() throws java.io.IOException {
    java.nio.file.Path csv = dir.resolve("bad.csv");
    java.nio.file.Files.writeString(csv, "a,label\n1,0\nx,1\n");
    java.io.IOException e = assertThrows(java.io.IOException.class, () -> Dataset.fromCsv(csv, "label"));
    assertEquals(csv + " line 3, column a: 'x' is not a number", e.getMessage());
  }

  @Test
  void aMissingLabelColumnNamesTheColumnsThereAre() throws java.io.IOException {
    java.nio.file.Path csv = dir.resolve("nolabel.csv");
    java.nio.file.Files.writeString(csv, "a,b\n1,0\n");
    java.io.IOException e = assertThrows(java.io.IOException.class, () -> Dataset.fromCsv(csv, "label"));
    assertEquals(csv + " has no column label; its columns are [a, b]", e.getMessage());
  }

  @Test
  void aLabelThatIsNotAClassIndexIsNamed() throws java.io.IOException {
    java.nio.file.Path csv = dir.resolve("badlabel.csv");
    java.nio.file.Files.writeString(csv, "a,label\n1,-1\n");
    java.io.IOException e = assertThrows(java.io.IOException.class, () -> Dataset.fromCsv(csv, "label"));
    assertEquals(csv + " line 2, column label: '-1' is not a class index; expected a whole number from 0", e.getMessage());
  }

  @Test
  void tokensWithALabelPerRowSelectAndBatchAsRows() {
    Dataset data = Dataset.ofTokens(new int[] {1, 2, 3, 4, 5, 6}, 2, new int[] {7, 8, 9});
    assertTrue(data.hasTokens());
    assertEquals(3, data.size());
    assertEquals(1, data.labelWidth());
    Dataset picked = data.select(new int[] {2, 0});
    assertArrayEquals(new int[] {5, 6, 1, 2}, picked.tokens());
    assertArrayEquals(new int[] {9, 7}, picked.labels());
    int[] x = new int[4];
    int[] y = new int[2];
    data.copyBatch(new int[] {1, 2, 0}, 1, 2, x, y);
    assertArrayEquals(new int[] {5, 6, 1, 2}, x);
    assertArrayEquals(new int[] {9, 7}, y);
  }

  @Test
  void tokensWithALabelPerPositionKeepEachRowsLabelsTogether() {
    Dataset data = Dataset.ofTokens(new int[] {1, 2, 3, 4}, 2, new int[] {5, -100, 6, 7});
    assertEquals(2, data.labelWidth());
    assertArrayEquals(new int[] {6, 7, 5, -100}, data.select(new int[] {1, 0}).labels());
  }

  @Test
  void tokenLabelsOfNeitherWidthAreAnErrorNamingBoth() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Dataset.ofTokens(new int[] {1, 2, 3, 4}, 2, new int[] {1, 2, 3}));
    assertEquals("labels has 3 values but tokens has 2 rows of 2; expected one label per row (2) or per position (4)",
        e.getMessage());
  }

  @Test
  void tokensThatAreNotWholeRowsAreAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Dataset.ofTokens(new int[] {1, 2, 3}, 2, new int[] {1}));
    assertEquals("tokens has 3 ids; expected a positive multiple of 2 (rows of 2 tokens)", e.getMessage());
  }

  @Test
  void aDatasetOfTokensHasNoFeatures() {
    Dataset data = Dataset.ofTokens(new int[] {1, 2}, 2, new int[] {0});
    IllegalStateException e = assertThrows(IllegalStateException.class, data::features);
    assertEquals("this dataset holds token ids: read them with tokens()", e.getMessage());
  }
}
