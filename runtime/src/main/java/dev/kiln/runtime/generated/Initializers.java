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

  /**
   * {@code nn.Embedding}'s default: {@code size} values from {@code offset} drawn from N(0, 1) in order;
   * then, when {@code zeroRow} ≥ 0, that row of {@code rowWidth} values (the padding row) set to 0.
   */
  public static void normal(float[] params, int offset, int size, int zeroRow, int rowWidth,
      SplittableRandom random) {
    for (int i = 0; i < size; i++) params[offset + i] = (float) gaussian(random);
    if (zeroRow >= 0) java.util.Arrays.fill(params, offset + zeroRow * rowWidth, offset + (zeroRow + 1) * rowWidth, 0f);
  }

  /** {@code xavier_uniform_}: uniform in ±√(6 / (fanIn + fanOut)), drawn in order. */
  public static void xavierUniform(float[] params, int offset, int size, int fanOut, int fanIn,
      SplittableRandom random) {
    double bound = Math.sqrt(6.0 / (fanIn + fanOut));
    for (int i = 0; i < size; i++) params[offset + i] = (float) random.nextDouble(-bound, bound);
  }

  /** A standard normal value by the polar method, from the seeded source alone. */
  private static double gaussian(SplittableRandom random) {
    double u;
    double v;
    double s;
    do {
      u = random.nextDouble(-1, 1);
      v = random.nextDouble(-1, 1);
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    return u * Math.sqrt(-2 * Math.log(s) / s);
  }
}
