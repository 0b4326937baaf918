package dev.kiln.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The augmentations, each as torchvision's transform of the same name does it. */
class AugmentTest {
  private static final int[] SHAPE = {2, 3, 4}; // channels, height, width

  /** Two images whose value at (c, y, x) is 100 · image + 10 · (c · 3 + y) + x + 1. */
  private static float[] images() {
    float[] x = new float[2 * 24];
    for (int i = 0; i < 2; i++) {
      for (int c = 0; c < 2; c++) {
        for (int y = 0; y < 3; y++) {
          for (int w = 0; w < 4; w++) x[i * 24 + (c * 3 + y) * 4 + w] = 100 * i + 10 * (c * 3 + y) + w + 1;
        }
      }
    }
    return x;
  }

  @Test
  void randomCropShiftsEachImageByItsDrawnOffsetAndFillsWithZeros() {
    float[] x = images();
    float[] original = x.clone();
    Augment.randomCrop(2).apply(x, 2, SHAPE, new SplittableRandom(7), new float[24]);
    SplittableRandom draws = new SplittableRandom(7);
    for (int i = 0; i < 2; i++) {
      // torchvision: the crop's top-left corner in the padded image, top then left, each in [0, 2 · padding].
      int top = draws.nextInt(5) - 2;
      int left = draws.nextInt(5) - 2;
      for (int c = 0; c < 2; c++) {
        for (int y = 0; y < 3; y++) {
          for (int w = 0; w < 4; w++) {
            int sy = y + top;
            int sx = w + left;
            float expected = sy < 0 || sy >= 3 || sx < 0 || sx >= 4 ? 0f : original[i * 24 + (c * 3 + sy) * 4 + sx];
            assertEquals(expected, x[i * 24 + (c * 3 + y) * 4 + w], "image " + i + " (" + c + ", " + y + ", " + w + ")");
          }
        }
      }
    }
  }

  @Test
  void horizontalFlipMirrorsTheImagesItDrawsAndLeavesTheOthers() {
    float[] x = images();
    float[] original = x.clone();
    Augment.none().horizontalFlip().apply(x, 2, SHAPE, new SplittableRandom(3), new float[24]);
    SplittableRandom draws = new SplittableRandom(3);
    for (int i = 0; i < 2; i++) {
      boolean flipped = draws.nextBoolean();
      for (int row = 0; row < 6; row++) {
        for (int w = 0; w < 4; w++) {
          assertEquals(original[i * 24 + row * 4 + (flipped ? 3 - w : w)], x[i * 24 + row * 4 + w]);
        }
      }
    }
  }

  @Test
  void normalizeSubtractsEachChannelsMeanAndDividesByItsStd() {
    float[] x = images();
    float[] original = x.clone();
    Augment.none().normalize(new float[] {1f, 20f}, new float[] {2f, 4f})
        .apply(x, 2, SHAPE, new SplittableRandom(0), new float[24]);
    for (int i = 0; i < x.length; i++) {
      int c = (i % 24) / 12;
      assertEquals((original[i] - (c == 0 ? 1f : 20f)) / (c == 0 ? 2f : 4f), x[i]);
    }
    assertArrayEquals(x, Augment.none().normalize(new float[] {1f, 20f}, new float[] {2f, 4f})
        .normalized(original, 2, 3, 4), "normalized(...) is the same arithmetic, for predict");
  }

  @Test
  void theSameDrawsGiveTheSameBatch() {
    Augment augment = Augment.randomCrop(1).horizontalFlip();
    float[] a = images();
    float[] b = images();
    augment.apply(a, 2, SHAPE, new SplittableRandom(5), new float[24]);
    augment.apply(b, 2, SHAPE, new SplittableRandom(5), new float[24]);
    assertArrayEquals(a, b);
    float[] c = images();
    augment.apply(c, 2, SHAPE, new SplittableRandom(6), new float[24]);
    assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(c));
  }

  @Test
  void badArgumentsNameTheValue() {
    assertEquals("padding = 0 is invalid; expected at least 1",
        assertThrows(IllegalArgumentException.class, () -> Augment.randomCrop(0)).getMessage());
    assertEquals("std[1] = 0.0 is invalid; expected > 0", assertThrows(IllegalArgumentException.class,
        () -> Augment.none().normalize(new float[] {0, 0}, new float[] {1, 0})).getMessage());
    assertEquals("normalize has 3 means, but the images have 2 channels; expected one mean and one std per channel",
        assertThrows(IllegalArgumentException.class,
            () -> Augment.none().normalize(new float[3], new float[] {1, 1, 1}).check(SHAPE)).getMessage());
  }
}
