package dev.kiln.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.runtime.data.Dataset;
import dev.kiln.runtime.optim.Sgd;
import dev.kiln.runtime.schedule.LearningRateSchedule;
import dev.kiln.runtime.train.FitOptions;
import dev.kiln.runtime.train.TrainingDivergedException;
import dev.kiln.runtime.train.TrainingHistory;
import dev.kiln.samples.blobs.BlobNetModel;
import dev.kiln.samples.blobs.Blobs;
import dev.kiln.samples.fixtures.SquaredErrorModel;
import org.junit.jupiter.api.Test;

/** trainer.fit: epochs of shuffled mini-batches with a schedule, measured; divergence stops it cleanly. */
class FitTest {
  private static Dataset blobs() {
    Blobs blobs = Blobs.generate(42);
    return Dataset.ofClasses(blobs.x(), 2, blobs.labels());
  }

  @Test
  void fittingTheBlobsLearnsThemAndRecordsEachEpoch() {
    Dataset.Split split = blobs().split(0.25, 3);
    BlobNetModel model = BlobNetModel.create(0);
    TrainingHistory history = model.trainer(Sgd.lr(0.05f)).fit(split.train(),
        FitOptions.epochs(5).batchSize(16).validation(split.test()).progress(false));
    assertEquals(5, history.epochs().size());
    assertTrue(history.last().loss() < history.epochs().get(0).loss(), "the loss falls");
    assertTrue(history.last().accuracy() > 0.95, "accuracy " + history.last().accuracy());
    assertTrue(history.last().validationAccuracy() > 0.95, "validation " + history.last().validationAccuracy());
  }

  @Test
  void eachEpochUsesTheScheduledLearningRate() {
    TrainingHistory history = BlobNetModel.create(0).trainer(Sgd.lr(0.1f)).fit(blobs(),
        FitOptions.epochs(4).schedule(LearningRateSchedule.step(2, 0.5)).progress(false));
    double[] rates = history.epochs().stream().mapToDouble(e -> e.learningRate()).toArray();
    assertArrayEquals(new double[] {0.1, 0.1, 0.05, 0.05}, rates, 1e-7);
  }

  @Test
  void theSameShuffleSeedGivesTheSameRun() {
    BlobNetModel a = BlobNetModel.create(0);
    BlobNetModel b = BlobNetModel.create(0);
    a.trainer(Sgd.lr(0.1f)).fit(blobs(), FitOptions.epochs(2).shuffleSeed(9).progress(false));
    b.trainer(Sgd.lr(0.1f)).fit(blobs(), FitOptions.epochs(2).shuffleSeed(9).progress(false));
    assertArrayEquals(a.parameters(), b.parameters());
  }

  @Test
  void aLossThatTurnsNaNStopsTrainingNamingTheStepWithTheParametersBeforeIt() {
    float[] x = {1f, 2f, Float.NaN, 0f};
    Dataset data = Dataset.ofClasses(x, 2, new int[] {0, 1});
    BlobNetModel model = BlobNetModel.create(0);
    float[] before = model.parameters().clone();
    TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
        () -> model.trainer(Sgd.lr(0.1f)).fit(data, FitOptions.epochs(1).batchSize(2).progress(false)));
    assertEquals(1, e.epoch());
    assertEquals(1, e.step());
    assertTrue(e.getMessage().startsWith("the loss is NaN at epoch 1, step 1;"), e.getMessage());
    assertArrayEquals(before, model.parameters());
  }

  @Test
  void classLabelsForALossOnFloatTargetsAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SquaredErrorModel.create(0).trainer(Sgd.lr(0.1f)).fit(
            Dataset.ofClasses(new float[4], 4, new int[] {0}), FitOptions.epochs(1).progress(false)));
    assertEquals("the dataset has class labels, but the model's loss takes float targets; expected a dataset made"
        + " with Dataset.ofTargets", e.getMessage());
  }

  @Test
  void theProgressBarRunsWithoutAConsole() {
    TrainingHistory history = BlobNetModel.create(0).trainer(Sgd.lr(0.05f)).fit(blobs(), FitOptions.epochs(1));
    assertEquals(1, history.epochs().size());
  }
}
