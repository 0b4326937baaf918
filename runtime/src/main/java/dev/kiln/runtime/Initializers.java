package dev.kiln.runtime;

import java.util.SplittableRandom;

/** Parameter initialisation as PyTorch does it by default, reproducible from a seed. */
public final class Initializers {
  private Initializers() {}

  /**
   * PyTorch's default for {@code nn.Linear}: weight and bias uniform in ±1/√in (kaiming-uniform with
   * a = √5 comes to the same bound). {@code bOff < 0} means the layer has no bias.
   */
  public static void linear(float[] params, int wOff, int bOff, int in, int out, SplittableRandom random) {
    double bound = 1.0 / Math.sqrt(in);
    for (int i = 0; i < out * in; i++) {
      params[wOff + i] = (float) random.nextDouble(-bound, bound);
    }
    if (bOff >= 0) {
      for (int o = 0; o < out; o++) {
        params[bOff + o] = (float) random.nextDouble(-bound, bound);
      }
    }
  }
}
