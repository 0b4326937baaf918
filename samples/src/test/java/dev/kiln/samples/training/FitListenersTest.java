package dev.kiln.samples.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.schedule.LearningRateSchedule;
import dev.kiln.runtime.train.Augment;
import dev.kiln.runtime.train.EarlyStopping;
import dev.kiln.runtime.train.EpochResult;
import dev.kiln.runtime.train.FitOptions;
import dev.kiln.runtime.train.Metric;
import dev.kiln.runtime.train.TrainingHistory;
import dev.kiln.samples.fixtures.NormMlpModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hooks of {@code fit}: a listener per step and per epoch, called once for each, also across a run that
 * one of them stops and that is started again; an exception they throw stops {@code fit} with it and leaves
 * the checkpoints whole; the metrics file, one JSON line per epoch, continued by the resumed run; early
 * stopping and a plateau schedule resumed where they were.
 */
class FitListenersTest {
  /** 40 rows in batches of 8: 5 steps an epoch. */
  private static final int STEPS_PER_EPOCH = 5;
  private static final int EPOCHS = 6;

  @TempDir Path dir;

  private final List<Long> steps = new ArrayList<>();
  private final List<Integer> epochs = new ArrayList<>();

  private static final class Stop extends RuntimeException {}

  private FitOptions options(long stopAtStep, int stopAtEpoch) {
    return FitOptions.epochs(EPOCHS).batchSize(8).shuffleSeed(3).progress(false)
        .validation(EarlyStoppingTest.noise(50, 9))
        .schedule(LearningRateSchedule.onPlateau(Metric.VALIDATION_LOSS, 0.5, 0).threshold(0.2))
        .checkpointDirectory(dir.resolve("checkpoints")).checkpointEverySteps(1)
        .metricsFile(dir.resolve("logs/metrics.jsonl"))
        .onStepEnd((step, loss) -> {
          steps.add(step);
          if (step == stopAtStep) throw new Stop();
        })
        .onEpochEnd(result -> {
          epochs.add(result.epoch());
          if (result.epoch() == stopAtEpoch) throw new Stop();
        });
  }

  private static TrainingHistory fit(NormMlpModel model, FitOptions options) {
    return model.trainer(Adam.lr(0.03f)).fit(EarlyStoppingTest.noise(40, 1), options);
  }

  private static List<Long> oneTo(long n) {
    return LongStream.rangeClosed(1, n).boxed().toList();
  }

  @Test
  void everyStepAndEpochIsSeenOnceInOrder() {
    fit(NormMlpModel.create(1), options(-1, -1));
    assertEquals(oneTo(EPOCHS * STEPS_PER_EPOCH), steps);
    assertEquals(List.of(1, 2, 3, 4, 5, 6), epochs);
  }

  @Test
  void aStepListenerThatThrowsStopsFitWithItsExceptionAndTheResumedRunSeesEachStepOnce() {
    NormMlpModel whole = NormMlpModel.create(1);
    TrainingHistory expected = fit(whole, FitOptions.epochs(EPOCHS).batchSize(8).shuffleSeed(3).progress(false)
        .validation(EarlyStoppingTest.noise(50, 9))
        .schedule(LearningRateSchedule.onPlateau(Metric.VALIDATION_LOSS, 0.5, 0).threshold(0.2)));

    NormMlpModel model = NormMlpModel.create(1);
    assertThrows(Stop.class, () -> fit(model, options(13, -1)), "the listener's own exception, not wrapped");
    NormMlpModel resumed = NormMlpModel.create(77);
    TrainingHistory history = fit(resumed, options(-1, -1));
    assertEquals(oneTo(EPOCHS * STEPS_PER_EPOCH), steps, "steps seen by both runs");
    assertEquals(List.of(1, 2, 3, 4, 5, 6), epochs);
    assertArrayEquals(whole.parameters(), resumed.parameters());
    assertEquals(expected.epochs().stream().map(EpochResult::learningRate).toList(),
        history.epochs().stream().map(EpochResult::learningRate).toList(), "the plateau schedule's rates");
  }

  @Test
  void anEpochListenerThatThrowsLeavesItsEpochsCheckpointAndTheResumedRunGoesOnFromTheNext() {
    assertThrows(Stop.class, () -> fit(NormMlpModel.create(1), options(-1, 2)));
    assertEquals(List.of(1, 2), epochs);
    fit(NormMlpModel.create(77), options(-1, -1));
    assertEquals(List.of(1, 2, 3, 4, 5, 6), epochs);
    assertEquals(oneTo(EPOCHS * STEPS_PER_EPOCH), steps);
  }

  @Test
  void theMetricsFileHasOneJsonLinePerEpochAlsoAcrossAResume() throws IOException {
    assertThrows(Stop.class, () -> fit(NormMlpModel.create(1), options(17, -1)));
    // In a folder of its own, which fit creates.
    assertEquals(3, Files.readAllLines(dir.resolve("logs/metrics.jsonl")).size(), "three epochs ended before the stop");
    TrainingHistory history = fit(NormMlpModel.create(77), options(-1, -1));
    List<String> lines = Files.readAllLines(dir.resolve("logs/metrics.jsonl"));
    assertEquals(EPOCHS, lines.size(), String.join("\n", lines));
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < EPOCHS; i++) {
      JsonNode line = json.readTree(lines.get(i));
      EpochResult epoch = history.epochs().get(i);
      assertEquals(i + 1, line.get("epoch").asInt());
      assertEquals(epoch.loss(), line.get("loss").asDouble());
      assertEquals(epoch.accuracy(), line.get("accuracy").asDouble());
      assertEquals(epoch.validationLoss(), line.get("validation_loss").asDouble());
      assertEquals(epoch.validationAccuracy(), line.get("validation_accuracy").asDouble());
      assertEquals(epoch.learningRate(), line.get("learning_rate").asDouble());
      assertTrue(line.get("seconds").asDouble() >= 0);
    }
  }

  @Test
  void earlyStoppingResumedFromACheckpointStopsWhereAnUnbrokenRunStops() {
    EarlyStopping stopping = EarlyStopping.on(Metric.VALIDATION_LOSS).patience(1).restoreBestWeights(true);
    NormMlpModel whole = NormMlpModel.create(2);
    TrainingHistory expected = whole.trainer(Adam.lr(0.03f)).fit(EarlyStoppingTest.noise(24, 1),
        FitOptions.epochs(80).batchSize(8).shuffleSeed(2).progress(false).validation(EarlyStoppingTest.noise(200, 3))
            .earlyStopping(stopping));
    assertTrue(expected.stoppedEarly(), "the unbroken run stops early");

    FitOptions broken = FitOptions.epochs(80).batchSize(8).shuffleSeed(2).progress(false)
        .validation(EarlyStoppingTest.noise(200, 3)).earlyStopping(stopping)
        .checkpointDirectory(dir.resolve("early"));
    long stopAt = (long) (expected.stoppedEpoch() - 1) * 3 + 1; // a step of the stopping epoch (3 steps an epoch)
    NormMlpModel first = NormMlpModel.create(2);
    assertThrows(Stop.class, () -> first.trainer(Adam.lr(0.03f)).fit(EarlyStoppingTest.noise(24, 1),
        broken.onStepEnd((step, loss) -> {
          if (step == stopAt) throw new Stop();
        })));
    NormMlpModel resumed = NormMlpModel.create(99);
    TrainingHistory history = resumed.trainer(Adam.lr(0.03f)).fit(EarlyStoppingTest.noise(24, 1), broken);
    assertEquals(expected.stoppedEpoch(), history.stoppedEpoch());
    assertEquals(expected.bestEpoch(), history.bestEpoch());
    assertArrayEquals(whole.parameters(), resumed.parameters(), "the best epoch's weights, kept across the restart");
    assertArrayEquals(whole.buffers(), resumed.buffers());
  }

  @Test
  void aResumedRunWithAugmentationSeesTheCropsAndFlipsTheUnbrokenOneSaw() {
    // Rows of 5 features as 1 x 1 x 5 images: crops shift them along, flips reverse them.
    FitOptions options = FitOptions.epochs(3).batchSize(8).shuffleSeed(4).progress(false)
        .augment(Augment.randomCrop(1).horizontalFlip());
    NormMlpModel whole = NormMlpModel.create(3);
    whole.trainer(Adam.lr(0.03f)).fit(EarlyStoppingTest.noise(40, 1).withImageShape(1, 1, 5), options);

    FitOptions broken = options.checkpointDirectory(dir.resolve("augmented")).checkpointEverySteps(1);
    assertThrows(Stop.class, () -> NormMlpModel.create(3).trainer(Adam.lr(0.03f)).fit(
        EarlyStoppingTest.noise(40, 1).withImageShape(1, 1, 5), broken.onStepEnd((step, loss) -> {
          if (step == 7) throw new Stop();
        })));
    NormMlpModel resumed = NormMlpModel.create(99);
    resumed.trainer(Adam.lr(0.03f)).fit(EarlyStoppingTest.noise(40, 1).withImageShape(1, 1, 5), broken);
    assertArrayEquals(whole.parameters(), resumed.parameters());

    NormMlpModel plain = NormMlpModel.create(3);
    plain.trainer(Adam.lr(0.03f)).fit(EarlyStoppingTest.noise(40, 1), FitOptions.epochs(3).batchSize(8)
        .shuffleSeed(4).progress(false));
    assertTrue(!java.util.Arrays.equals(plain.parameters(), whole.parameters()), "the augmentation changed the run");
  }

  @Test
  void augmentationNeedsRowsKnownToBeImages() {
    var e = assertThrows(IllegalArgumentException.class, () -> NormMlpModel.create(3).trainer(Adam.lr(0.03f))
        .fit(EarlyStoppingTest.noise(40, 1), FitOptions.epochs(1).progress(false).augment(Augment.randomCrop(1))));
    assertEquals("augment needs the rows' shape as images; expected a dataset made by Dataset.fromImageFolder or"
        + " fromIdx, or dataset.withImageShape(channels, height, width)", e.getMessage());
  }
}
