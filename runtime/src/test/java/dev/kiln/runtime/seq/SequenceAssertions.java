package dev.kiln.runtime.seq;

import static org.junit.jupiter.api.Assertions.fail;

/** Comparisons with PyTorch's float32 results, relative to the size of the values compared. */
final class SequenceAssertions {
  private SequenceAssertions() {}

  /**
   * Each {@code actual[from + i]} within {@code tolerance · max(1, max |expected|)} of {@code expected[i]}:
   * PyTorch sums in float32 in an order of its own, so the error grows with the size of the terms.
   */
  static void close(String what, float[] expected, float[] actual, int from, float tolerance) {
    float scale = 1f;
    for (float e : expected) scale = Math.max(scale, Math.abs(e));
    for (int i = 0; i < expected.length; i++) {
      float error = Math.abs(expected[i] - actual[from + i]);
      if (!(error <= tolerance * scale)) {
        fail(what + "[" + i + "]: expected " + expected[i] + ", was " + actual[from + i] + " (scale " + scale
            + ")");
      }
    }
  }
}
