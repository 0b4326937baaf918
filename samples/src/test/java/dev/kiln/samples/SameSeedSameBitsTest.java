package dev.kiln.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One seed gives the same bits on the Vector API kernels: a run in a cold JVM equals the same run once
 * C2 has compiled the kernels, and two JVMs equal each other, one of them limited to C1 (where the
 * Vector API runs its plain Java code, not C2's intrinsics), for one thread and for two.
 */
class SameSeedSameBitsTest {
  /** The JVM the children run on: this one's, or {@value #JAVA_PROPERTY} (the JDK 25 run sets it). */
  private static final String JAVA_PROPERTY = "kiln.test.childJava";
  private static final String JAVA = System.getProperty(JAVA_PROPERTY,
      Path.of(System.getProperty("java.home"), "bin", "java").toString());

  @TempDir Path dir;

  /** What a child JVM printed and the digests it wrote. */
  private record Child(String log, String digests) {
    String digest(String run) {
      return digests.lines().filter(l -> l.startsWith(run + " ")).map(l -> l.split(" ")[1]).findFirst()
          .orElseThrow(() -> new AssertionError("no " + run + " run in " + digests));
    }
  }

  /** A child JVM with {@code options}, after {@code warmUp} runs between the cold one and the warm one. */
  private Child child(String network, int warmUp, String... options) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(JAVA,
        "--add-modules", "jdk.incubator.vector"));
    command.addAll(List.of(options));
    Path log = Files.createTempFile(dir, network, ".log");
    Path digests = Files.createTempFile(dir, network, ".digests");
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), SameSeedRuns.class.getName(), network,
        String.valueOf(warmUp), digests.toString()));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(child.waitFor(300, TimeUnit.SECONDS), "the child finishes");
    String output = Files.readString(log);
    assertEquals(0, child.exitValue(), output);
    assertTrue(output.contains("Kiln kernels: Vector API"), "the child ran the Vector API kernels: " + output);
    return new Child(output, Files.readString(digests));
  }

  private void sameBitsColdWarmAndAcrossJvms(String network, int warmUp, String threads) throws Exception {
    Child c2 = child(network, warmUp, "-Dkiln.threads=" + threads, "-XX:+PrintCompilation");
    // The warm run is C2's: the Vector API kernels (and the lane sums inlined into them) were compiled at tier 4.
    assertTrue(c2.log().lines().anyMatch(l -> l.matches(".* 4 +dev\\.kiln\\.runtime\\.kernel\\.Panama.*")),
        "C2 compiled the kernels before the warm run");
    assertEquals(c2.digest("cold"), c2.digest("warm"), "the warm run against the cold one in one JVM");
    Child c1 = child(network, 0, "-Dkiln.threads=" + threads, "-XX:TieredStopAtLevel=1");
    assertEquals(c2.digest("warm"), c1.digest("cold"), "a JVM with C2 against one with C1 alone");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mlp", "cnn", "residual", "transformer"})
  void onTwoThreadsOneSeedGivesTheSameBitsColdWarmAndInAnotherJvm(String network) throws Exception {
    sameBitsColdWarmAndAcrossJvms(network, WARM_UP, "2");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mlp", "cnn", "residual", "transformer"})
  void onOneThreadOneSeedGivesTheSameBitsColdWarmAndInAnotherJvm(String network) throws Exception {
    sameBitsColdWarmAndAcrossJvms(network, WARM_UP, "1");
  }

  /** Runs between the cold one and the warm one: enough for C2 to compile every kernel they call. */
  private static final int WARM_UP = 40;
}
