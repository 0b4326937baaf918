package dev.kiln.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The runner prints what compare.py and torch_bench.py agree on: one JSON line per workload, same names and fields. */
class KilnBenchTest {

  @Test
  void printsOneLinePerTorchBenchWorkloadWithTheSameFields() {
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      KilnBench.main(new String[] {"--seconds", "0.02", "--no-gemm"});
    } finally {
      System.setOut(original);
    }
    List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList());
    assertEquals(Workload.ALL.size(), lines.size(), String.join("\n", lines));
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      assertTrue(line.startsWith("{\"workload\": \"" + Workload.ALL.get(i).name() + "\""), line);
      for (String field : List.of("threads", "steps_per_s", "samples_per_s", "us_per_step", "gflops")) {
        assertTrue(line.contains("\"" + field + "\": "), field + " in " + line);
      }
    }
  }

  @Test
  void theFlopCountIsTorchBenchs() {
    Workload mnist = Workload.ALL.stream().filter(w -> w.name().startsWith("mnist")).findFirst().orElseThrow();
    assertEquals(6.0 * 64 * (784 * 128 + 128 * 10), mnist.flopsPerStep());
  }
}
