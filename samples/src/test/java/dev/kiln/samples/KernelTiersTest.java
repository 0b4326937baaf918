package dev.kiln.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Kiln method the JIT tries to compile, it compiles, at every tier. A Vector API kernel that C1 can
 * compile without profiling (tier 2) but not with it (tier 3) is a trap on JDK 17: when C2's queue is long
 * the tier-2 code is installed first, the tier-3 attempt then fails, and the tier-2 code, which runs the
 * Vector API's boxed fallbacks, is never replaced. The packed product's 8 x 3 tile did this and ran batched
 * inference at a fortieth of its speed in some JVMs (BENCHMARKS.md). Whether the trap closes depends on
 * timing; whether a tier fails does not, so this test looks for the failure.
 */
class KernelTiersTest {
  private static final String JAVA = System.getProperty("kiln.test.childJava",
      Path.of(System.getProperty("java.home"), "bin", "java").toString());

  @TempDir Path dir;

  @Test
  void everyKilnMethodCompilesAtEveryTierTheJitTries() throws Exception {
    Path log = dir.resolve("compilation.log");
    Process child = new ProcessBuilder(JAVA, "--add-modules", "jdk.incubator.vector", "-XX:+PrintCompilation",
        "-cp", System.getProperty("java.class.path"), KernelTierRuns.class.getName())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(child.waitFor(300, TimeUnit.SECONDS), "the child finishes");
    List<String> lines = Files.readAllLines(log);
    assertEquals(0, child.exitValue(), String.join("\n", lines));
    assertTrue(lines.stream().anyMatch(l -> l.contains("Kiln kernels: Vector API")), "the child ran the Vector API");
    String failed = lines.stream()
        .filter(l -> l.contains("dev.kiln.") && (l.contains("COMPILE SKIPPED") || l.contains("not compilable")))
        .collect(Collectors.joining("\n"));
    assertEquals("", failed, "compilations of Kiln's methods that failed");
  }
}
