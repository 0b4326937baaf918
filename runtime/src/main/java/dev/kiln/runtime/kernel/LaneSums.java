package dev.kiln.runtime.kernel;

import static dev.kiln.runtime.kernel.VectorShape.FLOATS;
import static dev.kiln.runtime.kernel.VectorShape.LANES;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;

/**
 * The sum of a vector's lanes, always added in the same tree: lane i with lane i + L/2, then with
 * i + L/4, and so on down to lane 0. {@code reduceLanes(ADD)} leaves the order of a float sum
 * unspecified, and the interpreter and C2 do pick different orders: a result that went through it
 * differed between a cold and a warm run of the same seed. Every Vector API kernel whose lanes meet
 * in one result sums them here.
 */
public final class LaneSums {
  private static final VectorShuffle<Float> BY_8 = VectorShuffle.iota(FLOATS, 8 % LANES, 1, true);
  private static final VectorShuffle<Float> BY_4 = VectorShuffle.iota(FLOATS, 4 % LANES, 1, true);
  private static final VectorShuffle<Float> BY_2 = VectorShuffle.iota(FLOATS, 2 % LANES, 1, true);
  private static final VectorShuffle<Float> BY_1 = VectorShuffle.iota(FLOATS, 1 % LANES, 1, true);

  private LaneSums() {}

  /** The sum of {@code v}'s lanes in the fixed tree. */
  public static float sum(FloatVector v) {
    // Each add is IEEE lane by lane, and a rearrange only moves values: the same bits in every tier.
    if (LANES >= 16) v = v.add(v.rearrange(BY_8));
    if (LANES >= 8) v = v.add(v.rearrange(BY_4));
    if (LANES >= 4) v = v.add(v.rearrange(BY_2));
    if (LANES >= 2) v = v.add(v.rearrange(BY_1));
    return v.lane(0);
  }
}
