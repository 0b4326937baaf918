package dev.kiln.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.samples.fixtures.WithDropoutModel;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training that survives its JVM: a child JVM trains through {@code fit} with checkpoints (dropout, Adam,
 * a cosine schedule, shuffling; {@link ResumableTraining}), is killed with {@code destroyForcibly} in the
 * middle of an epoch, and started again; its final parameters equal those of a run never killed, bit for
 * bit, on one thread with the scalar kernels and on two with the Vector API ones. A run killed in the middle of
 * writing a checkpoint (the child stops halfway through it and waits to be killed), and one killed again
 * and again at odd intervals, still end equal.
 */
class KilledAndResumedTest {
  private static final Pattern CHECKPOINT = Pattern.compile("checkpoint-(\\d+)\\.safetensors");
  private static final int STEPS_PER_EPOCH = ResumableTraining.ROWS / ResumableTraining.BATCH;

  @TempDir Path dir;

  private Process start(Path checkpoints, Path output) throws IOException {
    return start(checkpoints, output, List.of("-Dkiln.forceScalar=true", "-Dkiln.threads=1"));
  }

  private Process start(Path checkpoints, Path output, List<String> options, String... more) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(options);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), ResumableTraining.class.getName(),
        checkpoints.toString(), output.toString()));
    command.addAll(List.of(more));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile())
        .start();
  }

  private void runToTheEnd(Path checkpoints, Path output) throws Exception {
    runToTheEnd(checkpoints, output, List.of("-Dkiln.forceScalar=true", "-Dkiln.threads=1"));
  }

  private void runToTheEnd(Path checkpoints, Path output, List<String> options) throws Exception {
    Process p = start(checkpoints, output, options);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child finishes");
    assertEquals(0, p.exitValue(), () -> "the child failed: " + log());
  }

  private String log() {
    try {
      return Files.readString(dir.resolve("child.log"));
    } catch (IOException e) {
      return e.toString();
    }
  }

  private interface Condition {
    boolean holds() throws IOException;
  }

  /** Kills {@code p} with {@code destroyForcibly} once {@code condition} holds (or it ends, or a minute passes). */
  private static void killWhen(Process p, Condition condition) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.holds() && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(2);
    p.destroyForcibly().waitFor();
  }

  /** The most steps any checkpoint in {@code checkpoints} records, from its name; -1 if there is none. */
  private static long newestSteps(Path checkpoints) throws IOException {
    if (!Files.isDirectory(checkpoints)) return -1;
    try (Stream<Path> files = Files.list(checkpoints)) {
      return files.map(f -> CHECKPOINT.matcher(f.getFileName().toString())).filter(Matcher::matches)
          .mapToLong(m -> Long.parseLong(m.group(1))).max().orElse(-1);
    }
  }

  @Test
  void aRunKilledMidEpochAndStartedAgainEndsBitForBitAsOneNeverKilled() throws Exception {
    Path whole = dir.resolve("whole.safetensors");
    runToTheEnd(dir.resolve("whole"), whole);

    Path checkpoints = dir.resolve("killed");
    Path resumed = dir.resolve("resumed.safetensors");
    Process p = start(checkpoints, resumed);
    // Wait for the checkpoint of step 20 of the second epoch, then kill the child before the epoch ends.
    killWhen(p, () -> newestSteps(checkpoints) >= STEPS_PER_EPOCH + 20);
    long killedAt = newestSteps(checkpoints);
    assertTrue(killedAt > STEPS_PER_EPOCH && killedAt < 2 * STEPS_PER_EPOCH,
        "killed in the middle of the second epoch, not at " + killedAt + " steps");
    assertTrue(Files.notExists(resumed), "the killed run did not finish");

    runToTheEnd(checkpoints, resumed);
    assertTrue(log().contains("resuming from"), log());
    assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(resumed));
  }

  @Test
  void onTheVectorApiAndTwoThreadsTheResumedRunEndsBitForBitAsOneNeverKilled() throws Exception {
    List<String> vector = List.of("--add-modules", "jdk.incubator.vector", "-Dkiln.threads=2");
    Path whole = dir.resolve("whole.safetensors");
    runToTheEnd(dir.resolve("whole"), whole, vector);
    Path checkpoints = dir.resolve("killed");
    Path resumed = dir.resolve("resumed.safetensors");
    Process p = start(checkpoints, resumed, vector);
    killWhen(p, () -> newestSteps(checkpoints) >= STEPS_PER_EPOCH + 20);
    runToTheEnd(checkpoints, resumed, vector);
    assertTrue(log().contains("Vector API"), "the child ran the Vector API kernels: " + log());
    assertTrue(log().contains("resuming from"), log());
    // The resumed run starts cold where the whole one was warm: the kernels give the same bits either way.
    assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(resumed));
  }

  @Test
  void aRunKilledWhileItWritesACheckpointStillEndsBitForBitAsOneNeverKilled() throws Exception {
    Path whole = dir.resolve("whole.safetensors");
    runToTheEnd(dir.resolve("whole"), whole);

    Path checkpoints = dir.resolve("killed");
    Path resumed = dir.resolve("resumed.safetensors");
    long tornAt = STEPS_PER_EPOCH + 40; // mid second epoch
    Process p = start(checkpoints, resumed, List.of("-Dkiln.forceScalar=true", "-Dkiln.threads=1"),
        Long.toString(tornAt));
    killWhen(p, () -> Files.exists(checkpoints.resolve("writing")));
    assertTrue(Files.exists(checkpoints.resolve("writing")), "the child began the torn write: " + log());
    assertEquals(STEPS_PER_EPOCH + 20, newestSteps(checkpoints), "the newest whole checkpoint is the one before");

    runToTheEnd(checkpoints, resumed);
    assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(resumed));
    try (Stream<Path> files = Files.list(checkpoints)) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "the torn write is cleared away");
    }
  }

  @Test
  void aRunKilledAgainAndAgainWhileItWritesCheckpointsStillEndsAsOneNeverKilled() throws Exception {
    Path whole = dir.resolve("whole.safetensors");
    runToTheEnd(dir.resolve("whole"), whole);

    Path checkpoints = dir.resolve("killed");
    Path resumed = dir.resolve("resumed.safetensors");
    // Checkpoints come every 20 ms or so: kills at intervals that are not multiples of it land in writes too.
    long[] lives = {700, 430, 370, 530, 610};
    for (long life : lives) {
      Process p = start(checkpoints, resumed);
      if (!p.waitFor(life, TimeUnit.MILLISECONDS)) p.destroyForcibly().waitFor();
    }
    runToTheEnd(checkpoints, resumed);
    assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(resumed));
  }
}
