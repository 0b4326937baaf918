package dev.kiln.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kiln.runtime.optim.Adam;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.Test;

/**
 * A row that does not fit the model, in the last of four partitions, is refused before the first step with
 * a message naming its partition, its index there and the value; nothing is trained. With
 * {@code skipInvalidRows} the run equals one on the data without those rows.
 */
class InvalidRowsTest extends LocalSpark {
  private static final int PARTITIONS = 4;
  private static final int ROWS = 40;
  /** Row 7 of the last partition: 40 rows in four partitions of ten. */
  private static final int BAD = 37;
  private static final SparkFitOptions OPTIONS = SparkFitOptions.epochs(2).batchSize(8).shuffle(5).progress(false);

  private static List<Example> withRow(Example bad) {
    List<Example> rows = new ArrayList<>(Rows.labelled(ROWS, 6, 3, 21));
    rows.set(BAD, bad);
    return rows;
  }

  private static String refusal(Example bad) {
    ClassifierModel model = ClassifierModel.create(3);
    float[] before = model.parameters().clone();
    var e = assertThrows(IllegalArgumentException.class,
        () -> KilnSpark.fit(model, Adam.lr(0.01f), spark.parallelize(withRow(bad), PARTITIONS), OPTIONS));
    assertArrayEquals(before, model.parameters(), "nothing was trained");
    return e.getMessage();
  }

  @Test
  void aRowOfTheWrongWidthIsRefusedBeforeAnyStep() {
    assertEquals("row 7 of partition 3 has 4 features; the model takes 6"
        + " (SparkFitOptions.skipInvalidRows() drops such rows)", refusal(Example.of(new float[4], 1)));
  }

  @Test
  void aClassIndexOutsideTheClassesIsRefusedBeforeAnyStep() {
    assertEquals("row 7 of partition 3 has class index 3; expected a value in [0, 3) or the ignored class -100"
        + " (SparkFitOptions.skipInvalidRows() drops such rows)", refusal(Example.of(new float[6], 3)));
  }

  @Test
  void aNegativeClassIndexIsRefusedBeforeAnyStep() {
    assertEquals("row 7 of partition 3 has class index -1; expected a value in [0, 3) or the ignored class -100"
        + " (SparkFitOptions.skipInvalidRows() drops such rows)", refusal(Example.of(new float[6], -1)));
  }

  @Test
  void aNaNFeatureIsRefusedBeforeAnyStep() {
    float[] x = new float[6];
    x[2] = Float.NaN;
    assertEquals("row 7 of partition 3 has feature 2 = NaN; expected a finite value"
        + " (SparkFitOptions.skipInvalidRows() drops such rows)", refusal(Example.of(x, 0)));
  }

  @Test
  void anInfiniteFeatureIsRefusedBeforeAnyStep() {
    float[] x = new float[6];
    x[5] = Float.NEGATIVE_INFINITY;
    assertEquals("row 7 of partition 3 has feature 5 = -Infinity; expected a finite value"
        + " (SparkFitOptions.skipInvalidRows() drops such rows)", refusal(Example.of(x, 0)));
  }

  @Test
  void theIgnoredClassIsNoInvalidRow() {
    // WeightedClassifier's loss ignores class 1; -100, PyTorch's default ignore_index, is then a class out of range.
    List<Example> rows = new ArrayList<>(Rows.labelled(ROWS, 6, 4, 22));
    rows.set(BAD, Example.of(new float[6], -100));
    var e = assertThrows(IllegalArgumentException.class, () -> KilnSpark.fit(WeightedClassifierModel.create(0),
        Adam.lr(0.01f), spark.parallelize(rows, PARTITIONS), OPTIONS));
    assertEquals("row 7 of partition 3 has class index -100; expected a value in [0, 4) or the ignored class 1"
        + " (SparkFitOptions.skipInvalidRows() drops such rows)", e.getMessage());
    rows.set(BAD, Example.of(new float[6], 1));
    KilnSpark.fit(WeightedClassifierModel.create(0), Adam.lr(0.01f), spark.parallelize(rows, PARTITIONS), OPTIONS);
  }

  @Test
  void skipInvalidRowsTrainsOnTheOtherRowsAlone() {
    float[] nan = new float[6];
    nan[0] = Float.NaN;
    List<Example> rows = new ArrayList<>(Rows.labelled(ROWS, 6, 3, 23));
    rows.set(3, Example.of(new float[5], 0));
    rows.set(18, Example.of(new float[6], 7));
    rows.set(BAD, Example.of(nan, 2));
    JavaRDD<Example> data = spark.parallelize(rows, PARTITIONS);
    ClassifierModel skipping = ClassifierModel.create(9);
    KilnSpark.fit(skipping, Adam.lr(0.01f), data, OPTIONS.skipInvalidRows());

    // filter keeps the partitions, each without its bad row.
    JavaRDD<Example> valid = data.filter(r -> r.features().length == 6 && Float.isFinite(r.features()[0])
        && r.label() < 3);
    ClassifierModel clean = ClassifierModel.create(9);
    KilnSpark.fit(clean, Adam.lr(0.01f), valid, OPTIONS);
    assertArrayEquals(clean.parameters(), skipping.parameters());
  }
}
