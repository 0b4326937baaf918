package dev.kiln.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.optim.Optimizer;
import dev.kiln.runtime.optim.Sgd;
import dev.kiln.runtime.train.TrainingHistory;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link KilnSpark#fit}: a step on Spark is {@code trainer.step} on the partitions' slices
 * concatenated in partition order, within 1e-5, for every loss's way of weighting rows.
 */
class SparkEqualsOneJvmTest extends LocalSpark {
  private static final float TOLERANCE = 1e-5f;

  @Test
  void fullBatchSgdStepsEqualTrainerStepsOnTheWholeDataSet() {
    List<Example> rows = Rows.labelled(60, 6, 3, 1);
    JavaRDD<Example> data = spark.parallelize(rows, 2);
    Optimizer sgd = Sgd.lr(0.1f).momentum(0.9f);

    ClassifierModel onSpark = ClassifierModel.create(7);
    TrainingHistory history = KilnSpark.fit(onSpark, sgd, data, SparkFitOptions.epochs(6).batchSize(60).progress(false));

    ClassifierModel oneJvm = ClassifierModel.create(7);
    var trainer = oneJvm.trainer(sgd);
    for (int step = 0; step < 6; step++) {
      float loss = OneJvm.step(trainer, rows);
      assertEquals(loss, history.epochs().get(step).loss(), TOLERANCE, "loss of step " + (step + 1));
    }
    assertSameParameters(oneJvm, onSpark);
  }

  @Test
  void aBatchSizeAboveTheRowsIsFullBatch() {
    List<Example> rows = Rows.labelled(45, 6, 3, 2);
    Optimizer sgd = Sgd.lr(0.2f);
    ClassifierModel onSpark = ClassifierModel.create(3);
    KilnSpark.fit(onSpark, sgd, spark.parallelize(rows, 3), SparkFitOptions.epochs(3).batchSize(10_000).progress(false));

    ClassifierModel oneJvm = ClassifierModel.create(3);
    var trainer = oneJvm.trainer(sgd);
    for (int step = 0; step < 3; step++) OneJvm.step(trainer, rows);
    assertSameParameters(oneJvm, onSpark);
  }

  @Test
  void miniBatchAdamStepsEqualTrainerStepsOnTheSlicesConcatenatedInPartitionOrder() {
    JavaRDD<Example> data = spark.parallelize(Rows.labelled(64, 6, 3, 3), 2);
    assertTrainsAsOneJvm(ClassifierModel.create(5), ClassifierModel.create(5), Adam.lr(0.01f), data,
        SparkFitOptions.epochs(2).batchSize(16), null);
  }

  @Test
  void unequalPartitionsEachGiveTheirShareOfEveryStep() {
    JavaRDD<Example> data = spark.parallelize(Rows.labelled(37, 6, 3, 4), 1)
        .union(spark.parallelize(Rows.labelled(20, 6, 3, 5), 1))
        .union(spark.parallelize(Rows.labelled(3, 6, 3, 6), 1));
    assertEquals(3, data.getNumPartitions());
    assertTrainsAsOneJvm(ClassifierModel.create(8), ClassifierModel.create(8), Adam.lr(0.01f), data,
        SparkFitOptions.epochs(2).batchSize(16), null);
  }

  @Test
  void shuffledEpochsTakeEachPartitionsRowsInTheSeedsOrder() {
    JavaRDD<Example> data = spark.parallelize(Rows.labelled(50, 6, 3, 7), 2);
    assertTrainsAsOneJvm(ClassifierModel.create(9), ClassifierModel.create(9), Adam.lr(0.01f), data,
        SparkFitOptions.epochs(3).batchSize(12).shuffle(42), 42L);
  }

  @Test
  void crossEntropyWithClassWeightsAndAnIgnoredIndexDividesByTheStepsWeight() {
    // Class 1 is ignored: a quarter of the rows count for nothing, and the rest weigh 0.5, 2 or 3.
    JavaRDD<Example> data = spark.parallelize(Rows.labelled(41, 6, 4, 8), 1)
        .union(spark.parallelize(Rows.labelled(23, 6, 4, 9), 1));
    assertTrainsAsOneJvm(WeightedClassifierModel.create(2), WeightedClassifierModel.create(2), Adam.lr(0.01f), data,
        SparkFitOptions.epochs(2).batchSize(20), null);
  }

  /**
   * SGD, not Adam: the attention's key bias has a gradient of 0 up to rounding, which sums over partitions
   * in another order than over one batch, and Adam would turn either noise into a whole step.
   */
  @Test
  void aTokenModelOnExamplesOfTokensEqualsOneJvm() {
    JavaRDD<Example> data = spark.parallelize(Rows.tokens(48, 5, 9, 3, 11), 2);
    assertTrainsAsOneJvm(TokensModel.create(4), TokensModel.create(4), Sgd.lr(0.1f).momentum(0.9f), data,
        SparkFitOptions.epochs(2).batchSize(16).shuffle(5), 5L);
  }

  @Test
  void bceWithLogitsAndPosWeightEqualsOneJvm() {
    JavaRDD<Example> data = spark.parallelize(Rows.binary(70, 6, 3, 10), 2);
    assertTrainsAsOneJvm(MultiLabelModel.create(4), MultiLabelModel.create(4), Adam.lr(0.01f), data,
        SparkFitOptions.epochs(2).batchSize(24).shuffle(3), 3L);
  }

  @Test
  void gradientClippingActsOnTheStepsWholeGradientAsTrainerStepDoes() {
    List<Example> rows = Rows.labelled(40, 6, 3, 13);
    Optimizer sgd = Sgd.lr(0.5f).momentum(0.9f);
    ClassifierModel onSpark = ClassifierModel.create(6);
    KilnSpark.fit(onSpark, sgd, spark.parallelize(rows, 2),
        SparkFitOptions.epochs(4).batchSize(40).maxGradientNorm(0.05f).progress(false));

    ClassifierModel oneJvm = ClassifierModel.create(6);
    var trainer = oneJvm.trainer(sgd);
    trainer.setMaxGradientNorm(0.05f);
    for (int step = 0; step < 4; step++) OneJvm.step(trainer, rows);
    assertSameParameters(oneJvm, onSpark);
  }

  private static void assertTrainsAsOneJvm(KilnModel onSpark, KilnModel oneJvm, Optimizer optimizer,
      JavaRDD<Example> data, SparkFitOptions options, Long shuffleSeed) {
    TrainingHistory history = KilnSpark.fit(onSpark, optimizer, data, options.progress(false));
    List<List<Example>> partitions = data.glom().collect();
    List<OneJvm.StepLoss> losses = OneJvm.train(oneJvm.trainer(optimizer), partitions, options.batchSize(),
        options.epochs(), shuffleSeed);
    int stepsPerEpoch = losses.size() / options.epochs();
    for (int epoch = 0; epoch < options.epochs(); epoch++) {
      // The epoch's loss: its steps' losses weighted by their rows.
      List<OneJvm.StepLoss> steps = losses.subList(epoch * stepsPerEpoch, (epoch + 1) * stepsPerEpoch);
      double mean = steps.stream().mapToDouble(s -> (double) s.loss() * s.rows()).sum()
          / steps.stream().mapToInt(OneJvm.StepLoss::rows).sum();
      assertEquals(mean, history.epochs().get(epoch).loss(), TOLERANCE, "loss of epoch " + (epoch + 1));
    }
    assertSameParameters(oneJvm, onSpark);
  }

  static void assertSameParameters(KilnModel expected, KilnModel actual) {
    float[] e = expected.parameters();
    float[] a = actual.parameters();
    assertEquals(e.length, a.length);
    float worst = 0;
    int at = -1;
    for (int i = 0; i < e.length; i++) {
      float diff = Math.abs(e[i] - a[i]);
      if (diff > worst) {
        worst = diff;
        at = i;
      }
    }
    assertTrue(worst <= TOLERANCE, "parameter " + at + " differs by " + worst + ": " + (at < 0 ? "" : e[at] + " vs " + a[at]));
    boolean moved = false;
    for (float v : a) moved |= v != 0;
    assertTrue(moved, "the parameters were trained");
  }
}
