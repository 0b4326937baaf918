package dev.kiln.runtime.kernel;

import static dev.kiln.runtime.kernel.VectorShape.LANES;

import jdk.incubator.vector.FloatVector;

/**
 * The sum of a vector's lanes, always added in the same tree: lane i with lane i + L/2, then with
 * i + L/4, and so on down to lane 0. {@code reduceLanes(ADD)} leaves the order of a float sum
 * unspecified, and JDK 25's interpreter and C2 do pick different orders: a result that went through it
 * differed between a cold and a warm run of the same seed. Every Vector API kernel whose lanes meet in
 * one result sums them here.
 *
 * <p>The lanes go through a scratch array of the calling thread's ({@link #scratch()}), added in plain
 * Java, which every tier compiles alike. Cross-lane vector operations would keep them in registers, but
 * C2 (17 and 25) does not compile {@code rearrange} or {@code lane} everywhere a kernel calls them; and
 * no vector is passed to a method here: wherever C2 does not inline a call (in a large kernel it may
 * stop inlining even a small one), it boxes a vector passed to it, an allocation per sum.
 */
public final class LaneSums {
  /** The most vectors a kernel stores before it sums them: a 4 x 4 tile's. */
  public static final int VECTORS = 16;
  private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[VECTORS * LANES]);

  private LaneSums() {}

  /**
   * The calling thread's scratch for {@link #tree}, {@value #VECTORS} vectors long: fetch it once per kernel
   * call, not once per sum.
   */
  public static float[] scratch() {
    return SCRATCH.get();
  }

  /**
   * Lanes [from, from + L) of {@code lanes} added in the fixed tree; they are overwritten. A kernel stores
   * its accumulators with {@code intoArray} (always compiled in place), then sums each here.
   */
  public static float tree(float[] lanes, int from) {
    for (int half = LANES / 2; half >= 1; half /= 2) {
      for (int i = from; i < from + half; i++) lanes[i] += lanes[i + half];
    }
    return lanes[from];
  }
}
