package dev.kiln.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.runtime.data.Dataset;
import dev.kiln.runtime.eval.ConfusionMatrix;
import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.schedule.LearningRateSchedule;
import dev.kiln.runtime.train.EpochResult;
import dev.kiln.runtime.train.TrainingHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What {@link KilnSpark#fit} reports per epoch, and the schedule it follows. */
class SparkFitHistoryTest extends LocalSpark {
  @Test
  void eachEpochReportsItsLossLearningRateAndAccuracyOnTheData() {
    TrainingHistory history = KilnSpark.fit(ClassifierModel.create(1), Adam.lr(0.05f),
        spark.parallelize(separable(300), 3),
        SparkFitOptions.epochs(4).batchSize(32).shuffle(1).schedule(LearningRateSchedule.step(2, 0.5)).progress(false));
    List<EpochResult> epochs = history.epochs();
    assertEquals(4, epochs.size());
    assertEquals(List.of(0.05, 0.05, 0.025, 0.025), epochs.stream().map(e -> Math.round(e.learningRate() * 1e6) / 1e6).toList());
    assertTrue(epochs.get(3).loss() < epochs.get(0).loss(), history.toString());
    assertTrue(history.last().accuracy() > 0.85, history.toString());
    assertTrue(epochs.stream().allMatch(e -> e.seconds() > 0 && e.samplesPerSecond() > 0), history.toString());
  }

  @Test
  void validationDataIsMeasuredAfterEachEpochOnTheDriver() {
    List<Example> held = separable(200).subList(100, 200);
    float[] x = new float[held.size() * 6];
    int[] labels = new int[held.size()];
    for (int i = 0; i < held.size(); i++) {
      System.arraycopy(held.get(i).features(), 0, x, i * 6, 6);
      labels[i] = held.get(i).label();
    }
    Dataset validation = Dataset.ofClasses(x, 6, labels);
    ClassifierModel model = ClassifierModel.create(2);
    TrainingHistory history = KilnSpark.fit(model, Adam.lr(0.05f), spark.parallelize(separable(300), 2),
        SparkFitOptions.epochs(2).batchSize(32).validation(validation).progress(false));
    double expected = ConfusionMatrix.of(model.predict(x), labels, 3).accuracy();
    assertEquals(expected, history.last().validationAccuracy());
    assertTrue(history.epochs().stream().allMatch(e -> e.validationAccuracy() > 0.3), history.toString());
  }

  @Test
  void validationDataOfAnotherWidthIsRefusedBeforeTraining() {
    Dataset validation = Dataset.ofClasses(new float[10], 5, new int[2]);
    var e = assertThrows(IllegalArgumentException.class, () -> KilnSpark.fit(ClassifierModel.create(2),
        Adam.lr(0.05f), spark.parallelize(separable(10), 2), SparkFitOptions.epochs(1).validation(validation)));
    assertEquals("the validation data has 5 features per row; the model takes 6", e.getMessage());
  }

  @Test
  void theProgressBarRunsBesideSpark() {
    TrainingHistory history = KilnSpark.fit(ClassifierModel.create(1), Adam.lr(0.02f),
        spark.parallelize(separable(64), 2), SparkFitOptions.epochs(1).batchSize(16));
    assertEquals(1, history.epochs().size());
  }

  /** Three classes told apart by the sign of the first two features. */
  private static List<Example> separable(int count) {
    SplittableRandom random = new SplittableRandom(9);
    List<Example> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      float[] x = new float[6];
      for (int j = 0; j < 6; j++) x[j] = (float) (random.nextDouble() * 2 - 1);
      rows.add(Example.of(x, x[0] > 0 ? 0 : x[1] > 0 ? 1 : 2));
    }
    return rows;
  }
}
