package dev.kiln.runtime.activation;

/**
 * The random source of dropout masks: SplitMix64, the generator of {@code SplittableRandom}, which draws
 * the same numbers from the same seed, but whose whole state is one {@code long} that a checkpoint can
 * save and restore, so that a resumed run drops the same values.
 */
public final class DropoutRandom {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
  private long state;

  public DropoutRandom(long seed) {
    this.state = seed;
  }

  /** The next 64 random bits, as {@code new SplittableRandom(seed).nextLong()} gives them. */
  public long nextLong() {
    return mix64(state += GOLDEN_GAMMA);
  }

  /**
   * A dropout mask of {@code n} values from {@code mask[off]}: each 0 with probability {@code p}, else
   * {@code 1 / (1 - p)}. Each draw masks two values, its high 32 bits then its low 32 bits compared, as
   * unsigned numbers, with {@code p · 2³²}: a Transformer draws millions of values a step, and half the
   * draws is a tenth of its time.
   */
  public void mask(float[] mask, int off, int n, float p) {
    int keep = Float.floatToRawIntBits(1f / (1f - p));
    // A value is kept when its 32 bits u are at least threshold: threshold - 1 - u is then negative, and
    // its sign spread over 32 bits keeps the bits of 1 / (1 - p). No branch: a dropped value is random.
    long last = (long) (p * 4294967296.0) - 1;
    long s = state;
    int i = 0;
    for (; i + 1 < n; i += 2) {
      long bits = mix64(s += GOLDEN_GAMMA);
      mask[off + i] = Float.intBitsToFloat(keep & (int) ((last - (bits >>> 32)) >> 63));
      mask[off + i + 1] = Float.intBitsToFloat(keep & (int) ((last - (bits & 0xffffffffL)) >> 63));
    }
    if (i < n) mask[off + i] = Float.intBitsToFloat(keep & (int) ((last - (mix64(s += GOLDEN_GAMMA) >>> 32)) >> 63));
    state = s;
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
