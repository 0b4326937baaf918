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
      for (int i = 0; i < 1000; i++) assertEquals(reference.nextLong(), random.nextLong(), "seed " + seed + ", draw " + i);
    }
  }

  @Test
  void aMaskComparesTheHighThenTheLowHalfOfEachDrawWithP() {
    float p = 0.5f;
    float[] mask = new float[7];
    new DropoutRandom(9).mask(mask, 0, 7, p);
    SplittableRandom reference = new SplittableRandom(9);
    for (int i = 0; i < 7; i += 2) {
      long bits = reference.nextLong();
      assertEquals((bits >>> 32) < (1L << 31) ? 0f : 2f, mask[i], "value " + i);
      if (i + 1 < 7) assertEquals((bits & 0xffffffffL) < (1L << 31) ? 0f : 2f, mask[i + 1], "value " + (i + 1));
    }
  }

  @Test
  void aMaskOfNValuesTakesHalfAsManyDrawsRoundedUp() {
    DropoutRandom random = new DropoutRandom(3);
    random.mask(new float[10], 2, 7, 0.1f);
    DropoutRandom reference = new DropoutRandom(3);
    for (int i = 0; i < 4; i++) reference.nextLong();
    assertEquals(reference.state(), random.state());
  }

  @Test
  void aMaskLeavesTheValuesAroundItAlone() {
    float[] mask = {5f, 5f, 5f, 5f, 5f};
    new DropoutRandom(1).mask(mask, 1, 3, 0.3f);
    assertEquals(5f, mask[0]);
    assertEquals(5f, mask[4]);
  }

  @Test
  void restoringItsStateGoesOnWithTheSameDraws() {
    DropoutRandom random = new DropoutRandom(42);
    for (int i = 0; i < 17; i++) random.nextLong();
    DropoutRandom resumed = new DropoutRandom(0);
    resumed.restore(random.state());
    for (int i = 0; i < 100; i++) assertEquals(random.nextLong(), resumed.nextLong());
  }
}
