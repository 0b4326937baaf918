package dev.kiln.runtime.activation;

/**
 * The random source of dropout masks: SplitMix64, the generator of {@code SplittableRandom}, which draws
 * the same numbers from the same seed, but whose whole state is one {@code long} that a checkpoint can
 * save and restore, so that a resumed run drops the same values.
 */
public final class DropoutRandom {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
  private static final double DOUBLE_UNIT = 0x1.0p-53;
  private long state;

  public DropoutRandom(long seed) {
    this.state = seed;
  }

  /** A double uniform in [0, 1), as {@code new SplittableRandom(seed).nextDouble()} gives it. */
  public double nextDouble() {
    return (mix64(state += GOLDEN_GAMMA) >>> 11) * DOUBLE_UNIT;
  }

  /** The whole state: what {@link #restore} takes to go on from here. */
  public long state() {
    return state;
  }

  public void restore(long state) {
    this.state = state;
  }

  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
