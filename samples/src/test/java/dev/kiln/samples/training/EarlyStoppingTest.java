package dev.kiln.samples.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.runtime.data.Dataset;
import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.train.EarlyStopping;
import dev.kiln.runtime.train.EpochResult;
import dev.kiln.runtime.train.FitOptions;
import dev.kiln.runtime.train.Metric;
import dev.kiln.runtime.train.TrainingHistory;
import dev.kiln.samples.fixtures.NormMlpModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Early stopping on a network that overfits (24 rows of noise, and another 200 to validate on): it stops at
 * the epoch Keras's rule gives for the metrics it recorded, and with {@code restoreBestWeights} ends with
 * the parameters and buffers of the best epoch, exactly.
 */
class EarlyStoppingTest {
  private static final int EPOCHS = 80;

  static Dataset noise(int rows, long seed) {
    Random random = new Random(seed);
    float[] x = new float[rows * 5];
    int[] y = new int[rows];
    for (int i = 0; i < x.length; i++) x[i] = (float) random.nextGaussian();
    for (int r = 0; r < rows; r++) y[r] = random.nextInt(3);
    return Dataset.ofClasses(x, 5, y);
  }

  /** What each epoch left: its result, and the model's parameters and buffers after it. */
  record Snapshot(EpochResult result, float[] parameters, float[] buffers) {}

  private static List<Snapshot> snapshots = new ArrayList<>();

  private static TrainingHistory train(NormMlpModel model, EarlyStopping stopping) {
    snapshots = new ArrayList<>();
    return model.trainer(Adam.lr(0.03f)).fit(noise(24, 1), FitOptions.epochs(EPOCHS).batchSize(8).shuffleSeed(2)
        .progress(false).validation(noise(200, 3)).earlyStopping(stopping)
        .onEpochEnd(r -> snapshots.add(new Snapshot(r, model.parameters().clone(), model.buffers().clone()))));
  }

  /**
   * Keras's {@code EarlyStopping.on_epoch_end}, written from its source: the epoch Keras stops after (from 1;
   * 0 if it never does) and its best epoch.
   */
  static int[] kerasRule(double[] values, boolean max, int patience, double minDelta) {
    double best = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    double delta = max ? Math.abs(minDelta) : -Math.abs(minDelta);
    int wait = 0;
    int bestEpoch = 0;
    for (int epoch = 0; epoch < values.length; epoch++) {
      wait++;
      double shifted = values[epoch] - delta;
      if (max ? shifted > best : shifted < best) {
        best = values[epoch];
        bestEpoch = epoch + 1;
        wait = 0;
        continue;
      }
      if (wait >= patience && epoch > 0) return new int[] {epoch + 1, bestEpoch};
    }
    return new int[] {0, bestEpoch};
  }

  private static double[] recorded(Metric metric) {
    return snapshots.stream().mapToDouble(s -> metric.of(s.result())).toArray();
  }

  @Test
  void stopsWhereKerassRuleStopsOnTheValidationLossAndRestoresTheBestEpochExactly() {
    NormMlpModel model = NormMlpModel.create(4);
    TrainingHistory history = train(model, EarlyStopping.on(Metric.VALIDATION_LOSS).patience(3)
        .restoreBestWeights(true));
    int[] keras = kerasRule(recorded(Metric.VALIDATION_LOSS), false, 3, 0);
    assertTrue(keras[0] > 0 && keras[0] < EPOCHS, "the network overfits, so Keras stops early: " + keras[0]);
    assertEquals(keras[0], history.stoppedEpoch());
    assertEquals(keras[1], history.bestEpoch());
    assertEquals(keras[0], history.epochs().size(), "no epoch after the stop");
    Snapshot best = snapshots.get(keras[1] - 1);
    assertArrayEquals(best.parameters(), model.parameters());
    assertArrayEquals(best.buffers(), model.buffers(), "the batch norms' running statistics too");
  }

  @Test
  void withoutRestoringTheModelKeepsItsLastEpoch() {
    NormMlpModel model = NormMlpModel.create(4);
    TrainingHistory history = train(model, EarlyStopping.on(Metric.VALIDATION_LOSS).patience(3));
    assertTrue(history.stoppedEarly());
    assertArrayEquals(snapshots.get(snapshots.size() - 1).parameters(), model.parameters());
  }

  @Test
  void accuracyImprovesUpwardsByMoreThanMinDelta() {
    NormMlpModel model = NormMlpModel.create(6);
    TrainingHistory history = train(model, EarlyStopping.on(Metric.VALIDATION_ACCURACY).patience(4).minDelta(0.01f)
        .restoreBestWeights(true));
    int[] keras = kerasRule(recorded(Metric.VALIDATION_ACCURACY), true, 4, 0.01);
    assertEquals(keras[0], history.stoppedEpoch());
    assertEquals(keras[1], history.bestEpoch());
    assertArrayEquals(snapshots.get(keras[1] - 1).parameters(), model.parameters());
  }

  @Test
  void theTrainingLossNeedsNoValidationData() {
    NormMlpModel model = NormMlpModel.create(4);
    snapshots = new ArrayList<>();
    TrainingHistory history = model.trainer(Adam.lr(0.03f)).fit(noise(24, 1), FitOptions.epochs(30).batchSize(8)
        .progress(false).earlyStopping(EarlyStopping.on(Metric.TRAINING_LOSS).patience(1).minDelta(0.05f))
        .onEpochEnd(r -> snapshots.add(new Snapshot(r, null, null))));
    int[] keras = kerasRule(recorded(Metric.TRAINING_LOSS), false, 1, 0.05);
    assertEquals(keras[0], history.stoppedEpoch());
  }

  @Test
  void aValidationMetricWithoutValidationDataIsRefusedBeforeTraining() {
    NormMlpModel model = NormMlpModel.create(4);
    float[] before = model.parameters().clone();
    var e = assertThrows(IllegalArgumentException.class, () -> model.trainer(Adam.lr(0.03f)).fit(noise(24, 1),
        FitOptions.epochs(3).progress(false).earlyStopping(EarlyStopping.on(Metric.VALIDATION_LOSS))));
    assertEquals("earlyStopping watches VALIDATION_LOSS, which needs validation data; expected validation(dataset)"
        + " in the options, or Metric.TRAINING_LOSS", e.getMessage());
    assertArrayEquals(before, model.parameters());
  }
}
