package dev.kiln.spark;

/** Seeds derived from several numbers, each bit of each mattering: SplitMix64's finalizer over their sum. */
final class Seeds {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private Seeds() {}

  static long mix(long seed, long... parts) {
    long z = mix64(seed);
    for (long part : parts) z = mix64(z + GOLDEN_GAMMA * (part + 1));
    return z;
  }

  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
