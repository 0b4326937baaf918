package dev.kiln.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.runtime.activation.Dropout;
import dev.kiln.runtime.activation.DropoutRandom;
import org.junit.jupiter.api.Test;

class DropoutTest {
  private static final int N = 100_000;

  @Test
  void aboutAFractionPOfValuesIsZeroedAndTheRestScaledUp() {
    float[] x = new float[N];
    java.util.Arrays.fill(x, 2f);
    float[] y = new float[N];
    float[] mask = new float[N];
    Dropout.forward(x, y, mask, N, 0.3f, new DropoutRandom(1));
    int zeros = 0;
    for (int i = 0; i < N; i++) {
      if (y[i] == 0f) {
        zeros++;
      } else {
        assertEquals(2f / 0.7f, y[i], 1e-6);
      }
    }
    assertEquals(0.3, (double) zeros / N, 0.01);
  }

  @Test
  void noGradientFlowsThroughADroppedValue() {
    float[] mask = {0f, 2f, 0f, 2f};
    float[] dx = new float[4];
    Dropout.backward(new float[] {1f, 1f, 3f, -1f}, mask, dx, 4);
    org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {0f, 2f, 0f, -2f}, dx);
  }
}
