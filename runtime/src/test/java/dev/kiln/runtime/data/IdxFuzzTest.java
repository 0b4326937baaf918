package dev.kiln.runtime.data;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;

/**
 * The IDX reader under Jazzer, as {@code SafetensorsFuzzTest} does the safetensors reader: any bytes are
 * an IDX file or are refused with an {@link IOException} or {@link IllegalArgumentException} whose message
 * names the file; anything else fails. Corpus in {@code IdxFuzzTestInputs/}.
 */
class IdxFuzzTest {
  @FuzzTest(maxDuration = "10s")
  void anyBytesAreAnIdxFileOrRefusedWithAMessage(byte[] bytes) {
    long start = System.nanoTime();
    try {
      Idx idx = Idx.parse(bytes, "fuzzed.idx");
      idx.scaledToUnit();
      idx.asInts();
    } catch (IOException | IllegalArgumentException e) {
      assertNotNull(e.getMessage(), "a refusal without a message: " + e);
      assertTrue(e.getMessage().contains("fuzzed.idx"), e.getMessage());
    }
    // A read must not take long, whatever the bytes say.
    assertTrue(System.nanoTime() - start < 1_000_000_000L, "the read took over a second");
  }
}
