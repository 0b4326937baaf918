package dev.kiln.samples.blobs;

import java.util.Random;

/**
 * The seed's data: two Gaussian blobs of unit variance, 100 points around (2, 2) labelled 0 and 100
 * around (-2, -2) labelled 1.
 */
public record Blobs(float[] x, int[] labels) {
  public static final int PER_CLASS = 100;

  public static Blobs generate(long seed) {
    Random random = new Random(seed);
    float[] x = new float[2 * PER_CLASS * 2];
    int[] labels = new int[2 * PER_CLASS];
    for (int i = 0; i < 2 * PER_CLASS; i++) {
      int label = i < PER_CLASS ? 0 : 1;
      float centre = label == 0 ? 2f : -2f;
      x[2 * i] = centre + (float) random.nextGaussian();
      x[2 * i + 1] = centre + (float) random.nextGaussian();
      labels[i] = label;
    }
    return new Blobs(x, labels);
  }

  public int size() {
    return labels.length;
  }
}
