package dev.kiln.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.optim.Sgd;
import dev.kiln.runtime.schedule.LearningRateSchedule;
import dev.kiln.runtime.train.TrainingHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver's checkpoints: the files {@code fit} writes, the last two kept, in a local path or a Hadoop URI;
 * a run that starts again resumes from the newest readable one and ends as a run never stopped, bit for bit;
 * a checkpoint of another run is refused naming both.
 */
class SparkCheckpointsTest extends LocalSpark {
  /** 150 rows in three partitions of 50, 16 a step: slices of ceil(16 · 50 / 150) = 6 rows, 9 steps an epoch. */
  private static final int STEPS_PER_EPOCH = 9;

  @TempDir Path dir;

  private static JavaRDD<Example> data() {
    return spark.parallelize(Rows.labelled(150, 6, 3, 61), 3);
  }

  private static SparkFitOptions options(int epochs) {
    return SparkFitOptions.epochs(epochs).batchSize(16).shuffle(12).progress(false)
        .schedule(LearningRateSchedule.cosine(3, 0));
  }

  private static ClassifierModel trained(SparkFitOptions options) {
    ClassifierModel model = ClassifierModel.create(7);
    KilnSpark.fit(model, Adam.lr(0.01f), data(), options);
    return model;
  }

  private List<String> files(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  private static String name(long steps) {
    return String.format("checkpoint-%012d.safetensors", steps);
  }

  @Test
  void theDirectoryKeepsTheLastTwoCheckpointsAndNothingElse() throws IOException {
    Path checkpoints = dir.resolve("run");
    trained(options(3).checkpointDirectory(checkpoints.toString()).checkpointEverySteps(4));
    // Steps 4 and 8, 9 (the end of epoch 1), 12, 16, 18, 20 and 24, then 27 (the end).
    assertEquals(List.of(name(24), name(27)), files(checkpoints));
  }

  @Test
  void aRunStartedAgainAfterItsFirstEpochEndsAsOneNeverStopped() {
    ClassifierModel whole = trained(options(3));
    String checkpoints = dir.resolve("run").toString();
    trained(options(1).checkpointDirectory(checkpoints));
    ClassifierModel resumed = ClassifierModel.create(99); // its parameters come from the checkpoint
    TrainingHistory history = KilnSpark.fit(resumed, Adam.lr(0.01f), data(),
        options(3).checkpointDirectory(checkpoints));
    assertArrayEquals(whole.parameters(), resumed.parameters());
    assertEquals(3, history.epochs().size(), "the history holds the epoch run before the restart");
  }

  @Test
  void aRunStoppedMidEpochResumesAtItsStepAndEndsAsOneNeverStopped() throws IOException {
    ClassifierModel whole = trained(options(3));
    Path checkpoints = dir.resolve("run");
    trained(options(2).checkpointDirectory(checkpoints.toString()).checkpointEverySteps(4));
    // The end of epoch 2 never happened: the newest left is step 16, the seventh of epoch 2.
    Files.delete(checkpoints.resolve(name(2 * STEPS_PER_EPOCH)));
    assertEquals(List.of(name(16)), files(checkpoints));
    ClassifierModel resumed = ClassifierModel.create(99);
    KilnSpark.fit(resumed, Adam.lr(0.01f), data(), options(3).checkpointDirectory(checkpoints.toString()));
    assertArrayEquals(whole.parameters(), resumed.parameters());
  }

  @Test
  void aTornNewestCheckpointMakesWayForTheOneBefore() throws IOException {
    ClassifierModel whole = trained(options(3));
    Path checkpoints = dir.resolve("run");
    trained(options(2).checkpointDirectory(checkpoints.toString()));
    byte[] newest = Files.readAllBytes(checkpoints.resolve(name(2 * STEPS_PER_EPOCH)));
    Files.write(checkpoints.resolve(name(2 * STEPS_PER_EPOCH)), java.util.Arrays.copyOf(newest, newest.length / 2));
    ClassifierModel resumed = ClassifierModel.create(99);
    KilnSpark.fit(resumed, Adam.lr(0.01f), data(), options(3).checkpointDirectory(checkpoints.toString()));
    assertArrayEquals(whole.parameters(), resumed.parameters());
  }

  @Test
  void aHadoopFileUriWorksAsAPathDoes() throws IOException {
    ClassifierModel whole = trained(options(2));
    Path checkpoints = dir.resolve("by-uri");
    String uri = checkpoints.toUri().toString();
    assertTrue(uri.startsWith("file:"), uri);
    trained(options(1).checkpointDirectory(uri));
    ClassifierModel resumed = ClassifierModel.create(99);
    KilnSpark.fit(resumed, Adam.lr(0.01f), data(), options(2).checkpointDirectory(uri));
    assertArrayEquals(whole.parameters(), resumed.parameters());
    assertEquals(List.of(name(STEPS_PER_EPOCH), name(2 * STEPS_PER_EPOCH)), files(checkpoints),
        "the same files as fit's: no checksum files beside them");
  }

  @Test
  void aCheckpointOfAnotherBatchSizeIsRefusedNamingBoth() {
    String checkpoints = dir.resolve("run").toString();
    trained(options(1).checkpointDirectory(checkpoints));
    var e = assertThrows(IllegalArgumentException.class, () -> KilnSpark.fit(ClassifierModel.create(7),
        Adam.lr(0.01f), data(), options(2).batchSize(32).checkpointDirectory(checkpoints)));
    assertTrue(e.getMessage().contains("is a checkpoint of a run with batch size 16; this run has 32"), e.getMessage());
  }

  @Test
  void aCheckpointOfAnotherShuffleSeedIsRefusedNamingBoth() {
    String checkpoints = dir.resolve("run").toString();
    trained(options(1).checkpointDirectory(checkpoints));
    var e = assertThrows(IllegalArgumentException.class, () -> KilnSpark.fit(ClassifierModel.create(7),
        Adam.lr(0.01f), data(), options(2).shuffle(13).checkpointDirectory(checkpoints)));
    assertTrue(e.getMessage().contains("is a checkpoint of a run with shuffle seed 12; this run has 13"),
        e.getMessage());
  }

  @Test
  void aCheckpointOfADataSetOfAnotherSizeIsRefusedNamingBoth() {
    String checkpoints = dir.resolve("run").toString();
    trained(options(1).checkpointDirectory(checkpoints));
    var e = assertThrows(IllegalArgumentException.class, () -> KilnSpark.fit(ClassifierModel.create(7),
        Adam.lr(0.01f), spark.parallelize(Rows.labelled(120, 6, 3, 61), 3), options(2).checkpointDirectory(checkpoints)));
    assertTrue(e.getMessage().contains("is a checkpoint of a run with rows 150; this run has 120"), e.getMessage());
  }

  @Test
  void aCheckpointOfAnotherOptimizerIsRefusedNamingBoth() {
    String checkpoints = dir.resolve("run").toString();
    trained(options(1).checkpointDirectory(checkpoints));
    var e = assertThrows(IllegalArgumentException.class, () -> KilnSpark.fit(ClassifierModel.create(7),
        Sgd.lr(0.01f), data(), options(2).checkpointDirectory(checkpoints)));
    assertTrue(e.getMessage().contains("is a checkpoint of the optimizer Adam"), e.getMessage());
  }

  @Test
  void aCheckpointOfAnotherModelIsRefusedNamingBoth() {
    String checkpoints = dir.resolve("run").toString();
    trained(options(1).checkpointDirectory(checkpoints));
    var e = assertThrows(IllegalArgumentException.class, () -> KilnSpark.fit(WeightedClassifierModel.create(7),
        Adam.lr(0.01f), spark.parallelize(Rows.labelled(150, 6, 4, 61), 3), options(2).checkpointDirectory(checkpoints)));
    assertTrue(e.getMessage().contains("is a checkpoint of the model dev.kiln.spark.SparkNetworks$Classifier"
        + "; this trainer's is dev.kiln.spark.SparkNetworks$WeightedClassifier"), e.getMessage());
    assertTrue(e.getMessage().contains(dir.resolve("run") + "/" + name(STEPS_PER_EPOCH) + " is a checkpoint"),
        "names the checkpoint where it is: " + e.getMessage());
  }
}
