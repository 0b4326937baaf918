package dev.kiln.runtime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The tolerances against PyTorch, written once: {@code |actual - expected| <= rtol·|expected| + atol}.
 * Single operations get {@link #SINGLE}; multi-step trajectories {@link #TRAJECTORY}.
 */
public record Tolerance(double rtol, double atol) {
  public static final Tolerance SINGLE = new Tolerance(1e-5, 1e-6);
  public static final Tolerance TRAJECTORY = new Tolerance(1e-4, 1e-5);

  public void assertClose(double expected, double actual, String what) {
    if (Double.isNaN(expected) || Double.isInfinite(expected)) {
      assertEquals(expected, actual, what);
      return;
    }
    if (!(Math.abs(actual - expected) <= rtol * Math.abs(expected) + atol)) {
      fail(what + ": expected " + expected + " but was " + actual + " (tolerance rtol " + rtol + ", atol " + atol + ")");
    }
  }

  public void assertClose(float[] expected, float[] actual, String what) {
    assertEquals(expected.length, actual.length, what + ": length");
    for (int i = 0; i < expected.length; i++) {
      assertClose(expected[i], actual[i], what + "[" + i + "]");
    }
  }
}
