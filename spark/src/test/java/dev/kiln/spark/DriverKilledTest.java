package dev.kiln.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
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
 * A driver that dies: a child JVM runs {@code KilnSpark.fit} on {@code local[2]} with a checkpoint directory
 * ({@link ResumableSparkTraining}) and is killed with {@code destroyForcibly} in the middle of an epoch, twice;
 * started a third time, it ends with the parameters of a run never killed, bit for bit (the scalar kernels,
 * one thread per task).
 */
class DriverKilledTest {
  private static final Pattern CHECKPOINT = Pattern.compile("checkpoint-(\\d+)\\.safetensors");
  private static final int STEPS = ResumableSparkTraining.STEPS_PER_EPOCH;

  @TempDir Path dir;
  private int runs;

  private Process start(Path checkpoints, Path output) throws IOException {
    Path args = dir.resolve("java.args");
    // The class path goes in an argument file: a long command line is what some native libraries choke on.
    List<String> lines = new ArrayList<>(List.of("-cp", '"' + System.getProperty("java.class.path") + '"',
        "--add-modules", "jdk.incubator.vector", "-Dkiln.forceScalar=true", "-Dkiln.threads=1"));
    // What this JVM opens for Spark (the build's spark.opens), the child opens too.
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (option.startsWith("--add-opens") || option.startsWith("-Dio.netty") || option.startsWith("--enable-native")
          || option.startsWith("-Dlog4j2")) {
        lines.add(option);
      }
    }
    Files.writeString(args, String.join("\n", lines));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "@" + args, ResumableSparkTraining.class.getName(), checkpoints.toString(), output.toString()));
    runs++;
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("child-" + runs + ".log").toFile()).start();
  }

  private String log(int run) {
    try {
      return Files.readString(dir.resolve("child-" + run + ".log"));
    } catch (IOException e) {
      return e.toString();
    }
  }

  private void runToTheEnd(Path checkpoints, Path output) throws Exception {
    Process p = start(checkpoints, output);
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the child finishes");
    assertEquals(0, p.exitValue(), () -> "the child failed: " + log(runs));
  }

  /** Kills the child with {@code destroyForcibly} once a checkpoint of at least {@code steps} exists. */
  private void killAfter(Process p, Path checkpoints, long steps) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (newestSteps(checkpoints) < steps && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(2);
    p.destroyForcibly().waitFor();
    long killedAt = newestSteps(checkpoints);
    assertTrue(killedAt >= steps && killedAt % STEPS != 0 && killedAt < ResumableSparkTraining.EPOCHS * STEPS,
        "killed in the middle of an epoch, not at " + killedAt + " steps: " + log(runs));
  }

  private static long newestSteps(Path checkpoints) throws IOException {
    if (!Files.isDirectory(checkpoints)) return -1;
    try (Stream<Path> files = Files.list(checkpoints)) {
      return files.map(f -> CHECKPOINT.matcher(f.getFileName().toString())).filter(Matcher::matches)
          .mapToLong(m -> Long.parseLong(m.group(1))).max().orElse(-1);
    }
  }

  @Test
  void aDriverKilledTwiceMidEpochAndStartedAgainEndsBitForBitAsOneNeverKilled() throws Exception {
    Path whole = dir.resolve("whole.safetensors");
    runToTheEnd(dir.resolve("whole"), whole);

    Path checkpoints = dir.resolve("killed");
    Path resumed = dir.resolve("resumed.safetensors");
    killAfter(start(checkpoints, resumed), checkpoints, STEPS / 2);
    killAfter(start(checkpoints, resumed), checkpoints, STEPS + STEPS / 2);
    assertTrue(log(runs).contains("resuming from"), "the second run resumed: " + log(runs));
    assertTrue(Files.notExists(resumed), "neither killed run finished");

    runToTheEnd(checkpoints, resumed);
    assertTrue(log(runs).contains("resuming from"), log(runs));
    assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(resumed));
  }
}
