package dev.kiln.runtime.data;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.io.IOException;
import java.io.StringReader;

/**
 * The CSV reader under Jazzer: any text is a data set with a {@code label} column or is refused with an
 * {@link IOException} or {@link IllegalArgumentException} whose message names the file; anything else
 * fails. Corpus in {@code CsvFuzzTestInputs/}.
 */
class CsvFuzzTest {
  @FuzzTest(maxDuration = "10s")
  void anyTextIsACsvFileOrRefusedWithAMessage(@NotNull String text) {
    long start = System.nanoTime();
    try {
      Dataset.fromCsv(new StringReader(text), "fuzzed.csv", "label");
    } catch (IOException | IllegalArgumentException e) {
      assertNotNull(e.getMessage(), "a refusal without a message: " + e);
      assertTrue(e.getMessage().contains("fuzzed.csv"), e.getMessage());
    }
    // A read must not take long, whatever the bytes say.
    assertTrue(System.nanoTime() - start < 1_000_000_000L, "the read took over a second");
  }
}
