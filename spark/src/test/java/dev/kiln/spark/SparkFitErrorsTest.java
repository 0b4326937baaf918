package dev.kiln.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.optim.Sgd;
import dev.kiln.runtime.train.TrainingDivergedException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad input to {@link KilnSpark#fit} is an error naming the value and what was expected, on the driver. */
class SparkFitErrorsTest extends LocalSpark {
  private static final SparkFitOptions OPTIONS = SparkFitOptions.epochs(1).progress(false);

  @Test
  void aRowOfTheWrongWidthNamesItsPartitionAndIndex() {
    List<Example> rows = new ArrayList<>(Rows.labelled(10, 6, 3, 1));
    rows.set(7, Example.of(new float[5], 0));
    var e = assertThrows(IllegalArgumentException.class,
        () -> KilnSpark.fit(ClassifierModel.create(0), Sgd.lr(0.1f), spark.parallelize(rows, 2), OPTIONS));
    assertEquals("row 2 of partition 1 has 5 features; the model takes 6"
        + " (SparkFitOptions.skipInvalidRows() drops such rows)", e.getMessage());
  }

  @Test
  void floatTargetsForAClassIndexLossSayWhichFactoryToUse() {
    var e = assertThrows(IllegalArgumentException.class, () -> KilnSpark.fit(ClassifierModel.create(0),
        Sgd.lr(0.1f), spark.parallelize(Rows.binary(4, 6, 3, 2), 1), OPTIONS));
    assertTrue(e.getMessage().endsWith("the model's loss takes a class index; expected Example.of(x, label)"),
        e.getMessage());
  }

  @Test
  void targetsOfTheWrongWidthNameTheModelsOutputs() {
    var e = assertThrows(IllegalArgumentException.class, () -> KilnSpark.fit(MultiLabelModel.create(0),
        Sgd.lr(0.1f), spark.parallelize(Rows.binary(4, 6, 2, 3), 1), OPTIONS));
    assertEquals("row 0 of partition 0 has 2 targets; the model has 3 outputs"
        + " (SparkFitOptions.skipInvalidRows() drops such rows)", e.getMessage());
  }

  @Test
  void anEmptyRddIsRefused() {
    var e = assertThrows(IllegalArgumentException.class, () -> KilnSpark.fit(ClassifierModel.create(0),
        Sgd.lr(0.1f), spark.parallelize(List.<Example>of(), 2), OPTIONS));
    assertEquals("the RDD has no rows; expected at least one Example", e.getMessage());
  }

  @Test
  void aModelKilnDidNotGenerateIsRefused() {
    KilnModel handWritten = (KilnModel) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {KilnModel.class}, (proxy, method, args) -> null);
    var e = assertThrows(IllegalArgumentException.class, () -> KilnSpark.fit(handWritten, Sgd.lr(0.1f),
        spark.parallelize(Rows.labelled(4, 6, 3, 4), 1), OPTIONS));
    assertTrue(e.getMessage().endsWith("is not a generated model: it has no static create(long) returning it;"
        + " KilnSpark.fit trains the models Kiln generates (such as BlobNetModel)"), e.getMessage());
  }

  @Test
  void aStepWhoseEveryTargetIsIgnoredDivergesLeavingTheParametersAsTheyWere() {
    // WeightedClassifier ignores class 1: a step of class 1 only has no loss, as trainer.step's NaN says.
    List<Example> rows = List.of(Example.of(new float[6], 1), Example.of(new float[6], 1));
    WeightedClassifierModel model = WeightedClassifierModel.create(0);
    float[] before = model.parameters().clone();
    var e = assertThrows(TrainingDivergedException.class,
        () -> KilnSpark.fit(model, Sgd.lr(0.1f), spark.parallelize(rows, 2), OPTIONS));
    assertEquals(1, e.epoch());
    assertEquals(1, e.step());
    assertArrayEquals(before, model.parameters());
  }

  @Test
  void optionsOutOfRangeAreRefusedWhenMade() {
    assertEquals("epochs = 0 is invalid; expected at least 1",
        assertThrows(IllegalArgumentException.class, () -> SparkFitOptions.epochs(0)).getMessage());
    assertEquals("batchSize = 0 is invalid; expected at least 1",
        assertThrows(IllegalArgumentException.class, () -> SparkFitOptions.epochs(1).batchSize(0)).getMessage());
    assertEquals("checkpointEverySteps = 0 is invalid; expected at least 1", assertThrows(
        IllegalArgumentException.class, () -> SparkFitOptions.epochs(1).checkpointEverySteps(0)).getMessage());
    assertEquals("treeDepth = 0 is invalid; expected at least 1",
        assertThrows(IllegalArgumentException.class, () -> SparkFitOptions.epochs(1).treeDepth(0)).getMessage());
  }

  @Test
  void checkpointsEveryFewStepsNeedADirectory() {
    var e = assertThrows(IllegalArgumentException.class, () -> KilnSpark.fit(ClassifierModel.create(0),
        Sgd.lr(0.1f), spark.parallelize(Rows.labelled(4, 6, 3, 4), 1), OPTIONS.checkpointEverySteps(5)));
    assertEquals("checkpointEverySteps(5) needs a checkpointDirectory to write them to", e.getMessage());
  }
}
