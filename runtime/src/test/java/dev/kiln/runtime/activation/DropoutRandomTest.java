package dev.kiln.runtime.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DropoutRandomTest {
  @Test
  void drawsWhatSplittableRandomDrawsFromTheSameSeed() {
    for (long seed : new long[] {0, 1, -7, 123456789L, Long.MIN_VALUE}) {
      SplittableRandom reference = new SplittableRandom(seed);
      DropoutRandom random = new DropoutRandom(seed);
      for (int i = 0; i < 1000; i++) assertEquals(reference.nextDouble(), random.nextDouble(), "seed " + seed + ", draw " + i);
    }
  }

  @Test
  void restoringItsStateGoesOnWithTheSameDraws() {
    DropoutRandom random = new DropoutRandom(42);
    for (int i = 0; i < 17; i++) random.nextDouble();
    DropoutRandom resumed = new DropoutRandom(0);
    resumed.restore(random.state());
    for (int i = 0; i < 100; i++) assertEquals(random.nextDouble(), resumed.nextDouble());
  }
}
