package dev.kiln.runtime.generated;

import java.util.SplittableRandom;

/** Parameter initialisation as PyTorch does it by default, reproducible from a seed. */
public final class Initializers {
  private Initializers() {}

  /**
   * PyTorch's default for the weights and biases of Linear and convolution layers: {@code size} values
   * from {@code offset}, uniform in ±1/√fanIn, drawn in order.
   */
  public static void uniformFanIn(float[] params, int offset, int size, int fanIn, SplittableRandom random) {
    double bound = 1.0 / Math.sqrt(fanIn);
    for (int i = 0; i < size; i++) {
      params[offset + i] = (float) random.nextDouble(-bound, bound);
    }
  }
}
