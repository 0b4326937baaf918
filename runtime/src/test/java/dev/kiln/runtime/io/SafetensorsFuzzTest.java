package dev.kiln.runtime.io;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The safetensors reader under Jazzer: any bytes either load or are refused with an
 * {@link java.io.IOException} or {@link IllegalArgumentException} that has a message; any other
 * exception, an {@link OutOfMemoryError}, or a read slower than the time limit fails. In every build the
 * committed corpus ({@code SafetensorsFuzzTestInputs/}) runs as regression tests; {@code JAZZER_FUZZ=1}
 * fuzzes (see the README).
 */
class SafetensorsFuzzTest {
  private static final StateDict LAYOUT = StateDict.builder().add("w", 3, 2).add("b", 3)
      .addBuffer("running_mean", 3).addLongBuffer("num_batches_tracked").build();

  @FuzzTest(maxDuration = "20s")
  void anyBytesLoadOrAreRefusedWithAMessage(byte[] bytes) {
    long start = System.nanoTime();
    try {
      LAYOUT.load(bytes, "fuzzed.safetensors", new float[9], new float[3], new long[1]);
    } catch (java.io.IOException | IllegalArgumentException e) {
      assertNotNull(e.getMessage(), "a refusal without a message: " + e);
      assertTrue(e.getMessage().startsWith("fuzzed.safetensors"), e.getMessage());
    }
    // A read must not take long, whatever the bytes say.
    assertTrue(System.nanoTime() - start < 1_000_000_000L, "the read took over a second");
  }
}
