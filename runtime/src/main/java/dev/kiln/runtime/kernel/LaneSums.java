package dev.kiln.runtime.kernel;

import static dev.kiln.runtime.kernel.VectorShape.FLOATS;
import static dev.kiln.runtime.kernel.VectorShape.LANES;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The sum of a vector's lanes, always added in one order, in the interpreter and in compiled code alike.
 * {@code reduceLanes(ADD)} leaves the order of a float sum unspecified, and on JDK 25 the interpreter adds
 * the lanes one after another while C2 adds them in a tree: a result that went through it differed between
 * a cold and a warm run of the same seed. Every Vector API kernel whose lanes meet in one result sums them
 * here.
 *
 * <p>The order: on JDK 17 to 22, lane by lane, {@code ((0 + v0) + v1) + ...}, which both their interpreter
 * and their C2 compute for {@code reduceLanes} (SameSeedSameBitsTest checks JDK 17), so the sum is that
 * one instruction. From JDK 23, whose C2 adds in a tree instead, in the halving tree (lane i with lane
 * i + L/2, then with i + L/4, ...), computed from the stored lanes with vectors of half and a quarter the
 * width and two scalar steps: loads, adds and stores only, the same in every tier. It costs a few
 * nanoseconds more per sum than {@code reduceLanes} (BENCHMARKS.md, "Same seed, same bits").
 *
 * <p>A kernel stores its accumulators with {@code intoArray} into the calling thread's scratch
 * ({@link #scratch()}) and calls {@link #tree}: no vector is passed to a method, since a call C2 does not
 * inline boxes the vectors it is passed, an allocation per sum. (Cross-lane vector operations would keep
 * the lanes in registers, but JDK 17's C2 compiles neither {@code rearrange} nor {@code lane} of a 512-bit
 * vector everywhere a kernel needs them, and boxes where it does not.)
 */
public final class LaneSums {
  /** The most vectors a kernel stores before it sums them: a 4 x 4 tile's. */
  public static final int VECTORS = 16;
  /** Whether C2 adds a float vector's lanes in lane order, as the interpreter does (JDK 17 to 22). */
  static final boolean IN_LANE_ORDER = Runtime.version().feature() < 23;
  private static final VectorSpecies<Float> HALF = FloatVector.SPECIES_256;
  private static final VectorSpecies<Float> QUARTER = FloatVector.SPECIES_128;
  private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[VECTORS * LANES]);

  private LaneSums() {}

  /** The calling thread's scratch for {@value #VECTORS} vectors: fetch it once per kernel call, not once per sum. */
  public static float[] scratch() {
    return SCRATCH.get();
  }

  /** The sum of lanes [from, from + L) of {@code lanes}, in the one order; they may be overwritten. */
  public static float tree(float[] lanes, int from) {
    // Under 35 bytes of bytecode, so that C2 inlines it wherever it is called, hot or not.
    return IN_LANE_ORDER ? FloatVector.fromArray(FLOATS, lanes, from).reduceLanes(VectorOperators.ADD)
        : halving(lanes, from);
  }

  /** The halving tree: vectors of half and a quarter the width, then two scalar steps. */
  static float halving(float[] lanes, int from) {
    if (LANES >= 16) {
      FloatVector.fromArray(HALF, lanes, from).add(FloatVector.fromArray(HALF, lanes, from + 8))
          .intoArray(lanes, from);
    }
    if (LANES >= 8) {
      FloatVector.fromArray(QUARTER, lanes, from).add(FloatVector.fromArray(QUARTER, lanes, from + 4))
          .intoArray(lanes, from);
    }
    if (LANES >= 4) return (lanes[from] + lanes[from + 2]) + (lanes[from + 1] + lanes[from + 3]);
    return LANES == 2 ? lanes[from] + lanes[from + 1] : lanes[from];
  }
}
