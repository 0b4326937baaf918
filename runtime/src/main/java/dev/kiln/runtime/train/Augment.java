package dev.kiln.runtime.train;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Image augmentation in {@code fit}, as torchvision's transforms: {@code RandomCrop(size, padding)} (zero
 * padding on every side, then a crop of the image's own size at a random offset), {@code
 * RandomHorizontalFlip()} (half the images, mirrored) and {@code Normalize(mean, std)} (each channel's
 * {@code (x - mean) / std}), applied to each training batch in that order. Immutable:
 * {@code Augment.randomCrop(4).horizontalFlip().normalize(mean, std)}. The random draws come from the shuffle
 * seed, the epoch and the step, so a resumed run sees the crops and flips it would have seen. The rows must be
 * images whose shape the dataset knows ({@code Dataset.fromImageFolder}, {@code fromIdx} or
 * {@code withImageShape}). Normalization alone also applies to the validation data and the accuracies
 * {@code fit} measures; normalize inputs the same way ({@link #normalized}) before {@code predict}.
 */
public final class Augment {
  private final int padding;
  private final boolean flip;
  private final float[] mean;
  private final float[] std;

  private Augment(int padding, boolean flip, float[] mean, float[] std) {
    this.padding = padding;
    this.flip = flip;
    this.mean = mean;
    this.std = std;
  }

  /** No augmentation yet: start here for a flip or normalization alone. */
  public static Augment none() {
    return new Augment(0, false, null, null);
  }

  /** {@code RandomCrop(size, padding)}: pads each side with {@code padding} zeros, then crops at a random offset. */
  public static Augment randomCrop(int padding) {
    if (padding < 1) throw new IllegalArgumentException("padding = " + padding + " is invalid; expected at least 1");
    return new Augment(padding, false, null, null);
  }

  /** {@code RandomHorizontalFlip()}: mirrors each image left to right with probability 1/2. */
  public Augment horizontalFlip() {
    return new Augment(padding, true, mean, std);
  }

  /** {@code Normalize(mean, std)}: one mean and one standard deviation per channel. */
  public Augment normalize(float[] mean, float[] std) {
    if (mean == null || std == null || mean.length == 0 || mean.length != std.length) {
      throw new IllegalArgumentException("normalize takes one mean and one std per channel; got "
          + (mean == null ? "null" : mean.length) + " and " + (std == null ? "null" : std.length));
    }
    for (int c = 0; c < std.length; c++) {
      if (!(std[c] > 0)) throw new IllegalArgumentException("std[" + c + "] = " + std[c] + " is invalid; expected > 0");
    }
    return new Augment(padding, flip, mean.clone(), std.clone());
  }

  /** Whether this normalizes (then validation data and predictions need it too). */
  public boolean normalizes() {
    return mean != null;
  }

  /** Checks that images of {@code shape} {channels, height, width} can take this augmentation. */
  void check(int[] shape) {
    if (mean != null && mean.length != shape[0]) {
      throw new IllegalArgumentException("normalize has " + mean.length + " means, but the images have " + shape[0]
          + " channels; expected one mean and one std per channel");
    }
  }

  /**
   * Augments a batch of {@code rows} images in place, [rows x channels x height x width], with draws from
   * {@code random}: crop, flip, then normalize.
   */
  void apply(float[] x, int rows, int[] shape, SplittableRandom random, float[] scratch) {
    int channels = shape[0];
    int height = shape[1];
    int width = shape[2];
    int size = channels * height * width;
    for (int r = 0; r < rows; r++) {
      int offset = r * size;
      if (padding > 0) {
        // torchvision draws the top offset, then the left one, each in [0, 2 · padding].
        int top = random.nextInt(2 * padding + 1) - padding;
        int left = random.nextInt(2 * padding + 1) - padding;
        System.arraycopy(x, offset, scratch, 0, size);
        for (int c = 0; c < channels; c++) {
          for (int y = 0; y < height; y++) {
            int sy = y + top;
            int row = offset + (c * height + y) * width;
            if (sy < 0 || sy >= height) {
              Arrays.fill(x, row, row + width, 0f);
              continue;
            }
            for (int xx = 0; xx < width; xx++) {
              int sx = xx + left;
              x[row + xx] = sx < 0 || sx >= width ? 0f : scratch[(c * height + sy) * width + sx];
            }
          }
        }
      }
      if (flip && random.nextBoolean()) {
        for (int c = 0; c < channels; c++) {
          for (int y = 0; y < height; y++) {
            int row = offset + (c * height + y) * width;
            for (int a = 0, b = width - 1; a < b; a++, b--) {
              float t = x[row + a];
              x[row + a] = x[row + b];
              x[row + b] = t;
            }
          }
        }
      }
      normalize(x, offset, channels, height * width);
    }
  }

  private void normalize(float[] x, int offset, int channels, int plane) {
    if (mean == null) return;
    for (int c = 0; c < channels; c++) {
      float m = mean[c];
      float s = std[c];
      int from = offset + c * plane;
      for (int i = from; i < from + plane; i++) x[i] = (x[i] - m) / s;
    }
  }

  /**
   * A normalized copy of {@code x}, rows of images of {@code channels} x {@code height} x {@code width}: what
   * to give {@code predict} for a model trained with this augmentation's {@link #normalize}. Without
   * normalization, a plain copy.
   */
  public float[] normalized(float[] x, int channels, int height, int width) {
    int size = channels * height * width;
    if (size < 1 || x.length % size != 0) {
      throw new IllegalArgumentException("x has " + x.length + " values; expected whole images of " + channels + " x "
          + height + " x " + width + " = " + size);
    }
    check(new int[] {channels, height, width});
    float[] out = x.clone();
    for (int offset = 0; offset < out.length; offset += size) normalize(out, offset, channels, height * width);
    return out;
  }

  @Override
  public String toString() {
    return "Augment[" + (padding > 0 ? "randomCrop(" + padding + ")" : "") + (flip ? " horizontalFlip" : "")
        + (mean != null ? " normalize(" + Arrays.toString(mean) + ", " + Arrays.toString(std) + ")" : "") + "]";
  }
}
