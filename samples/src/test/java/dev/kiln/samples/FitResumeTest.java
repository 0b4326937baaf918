package dev.kiln.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.runtime.ClassIndexTrainer;
import dev.kiln.runtime.KilnTrainer;
import dev.kiln.runtime.data.Dataset;
import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.schedule.LearningRateSchedule;
import dev.kiln.runtime.train.FitOptions;
import dev.kiln.runtime.train.Fitting;
import dev.kiln.runtime.train.TrainingHistory;
import dev.kiln.samples.fixtures.NormMlpModel;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fit} with a checkpoint directory: interrupted in the middle of an epoch and started again, it
 * resumes from its newest checkpoint and ends with the parameters, statistics and history of a run that
 * was never interrupted; a torn newest checkpoint makes way for the one before.
 */
class FitResumeTest {
  private static final int ROWS = 100;

  @TempDir Path dir;

  private static Dataset data() {
    Random random = new Random(3);
    float[] x = new float[ROWS * 5];
    int[] y = new int[ROWS];
    for (int i = 0; i < x.length; i++) x[i] = (float) random.nextGaussian();
    for (int r = 0; r < ROWS; r++) y[r] = random.nextInt(3);
    return Dataset.ofClasses(x, 5, y);
  }

  private static FitOptions options(Path checkpoints) {
    return FitOptions.epochs(4).batchSize(16).shuffleSeed(11).progress(false)
        .schedule(LearningRateSchedule.cosine(4, 0)).checkpointDirectory(checkpoints).checkpointEverySteps(3);
  }

  /** A trainer that dies, as a killed JVM would, when it is asked for step {@code last + 1}. */
  private static ClassIndexTrainer dyingAfter(ClassIndexTrainer trainer, int last) {
    int[] steps = {0};
    return (ClassIndexTrainer) Proxy.newProxyInstance(ClassIndexTrainer.class.getClassLoader(),
        new Class<?>[] {ClassIndexTrainer.class}, (proxy, method, args) -> {
          if (method.isDefault()) return InvocationHandler.invokeDefault(proxy, method, args); // fit, through the proxy
          if (method.getName().equals("step") && ++steps[0] > last) throw new Interrupted();
          try {
            return method.invoke(trainer, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private static final class Interrupted extends RuntimeException {}

  @Test
  void aRunInterruptedMidEpochAndStartedAgainEndsAsOneNeverInterrupted() throws IOException {
    NormMlpModel whole = NormMlpModel.create(5);
    TrainingHistory expected = whole.trainer(Adam.lr(0.01f)).fit(data(), options(dir.resolve("whole")));

    Path checkpoints = dir.resolve("interrupted");
    NormMlpModel first = NormMlpModel.create(5);
    // 7 steps per epoch: the run dies at step 17, in the middle of the third epoch, after the checkpoint of step 15.
    ClassIndexTrainer dying = dyingAfter(first.trainer(Adam.lr(0.01f)), 16);
    assertThrows(Interrupted.class, () -> Fitting.fit(dying, data(), options(checkpoints)));

    NormMlpModel resumed = NormMlpModel.create(77);
    TrainingHistory history = resumed.trainer(Adam.lr(0.01f)).fit(data(), options(checkpoints));
    assertArrayEquals(whole.parameters(), resumed.parameters());
    whole.save(dir.resolve("whole.safetensors"));
    resumed.save(dir.resolve("resumed.safetensors"));
    assertArrayEquals(Files.readAllBytes(dir.resolve("whole.safetensors")),
        Files.readAllBytes(dir.resolve("resumed.safetensors")), "running statistics and counters too");
    assertEquals(4, history.epochs().size(), "the history covers the epochs before the interruption");
    assertArrayEquals(expected.losses(), history.losses());
  }

  @Test
  void onlyTheLastTwoCheckpointsAreKept() throws IOException {
    NormMlpModel.create(5).trainer(Adam.lr(0.01f)).fit(data(), options(dir));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of("checkpoint-000000000027.safetensors", "checkpoint-000000000028.safetensors"),
          files.map(f -> f.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void aTornNewestCheckpointMakesWayForTheOneBefore() throws IOException {
    NormMlpModel whole = NormMlpModel.create(5);
    whole.trainer(Adam.lr(0.01f)).fit(data(), options(dir.resolve("whole")));

    Path checkpoints = dir.resolve("torn");
    ClassIndexTrainer dying = dyingAfter(NormMlpModel.create(5).trainer(Adam.lr(0.01f)), 16);
    assertThrows(Interrupted.class, () -> Fitting.fit(dying, data(), options(checkpoints)));
    Path newest = checkpoints.resolve("checkpoint-000000000015.safetensors");
    byte[] bytes = Files.readAllBytes(newest);
    Files.write(newest, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // as if the write had been cut short

    NormMlpModel resumed = NormMlpModel.create(77);
    resumed.trainer(Adam.lr(0.01f)).fit(data(), options(checkpoints));
    assertArrayEquals(whole.parameters(), resumed.parameters());
  }

  @Test
  void aDirectoryOfAFitWithAnotherBatchSizeIsRefusedNamingBoth() throws IOException {
    NormMlpModel.create(5).trainer(Adam.lr(0.01f)).fit(data(), options(dir));
    KilnTrainer trainer = NormMlpModel.create(5).trainer(Adam.lr(0.01f));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Fitting.fit(trainer, data(), options(dir).batchSize(32)));
    assertTrue(e.getMessage().contains("batch size 16; this run has 32"), e.getMessage());
  }

  @Test
  void checkpointsEveryFewStepsNeedADirectory() {
    KilnTrainer trainer = NormMlpModel.create(5).trainer(Adam.lr(0.01f));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Fitting.fit(trainer, data(), FitOptions.epochs(1).checkpointEverySteps(3).progress(false)));
    assertTrue(e.getMessage().contains("needs a checkpointDirectory"), e.getMessage());
  }
}
