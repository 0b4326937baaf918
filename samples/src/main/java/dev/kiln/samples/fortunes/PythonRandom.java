package dev.kiln.samples.fortunes;

import java.util.List;

/**
 * Python's {@code random.Random(seed).shuffle}, for a non-negative seed below 2³²: MT19937 seeded as
 * CPython's {@code init_by_array}, indices drawn as its {@code _randbelow} draws them. The sample splits
 * the fortunes exactly as {@code torch_charlm.py} does, so that its validation loss is measured on the
 * same entries.
 */
final class PythonRandom {
  private static final int N = 624;
  private static final int M = 397;
  private final int[] mt = new int[N];
  private int index = N;

  PythonRandom(long seed) {
    if (seed < 0 || seed > 0xffffffffL) throw new IllegalArgumentException("seed " + seed + " is not in [0, 2^32)");
    seedByArray((int) seed);
  }

  private void seedByArray(int key) {
    mt[0] = 19650218;
    for (int i = 1; i < N; i++) mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
    int i = 1;
    for (int k = N; k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    for (int k = N - 1; k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  /** The next 32 random bits, as an unsigned value. */
  long next32() {
    if (index >= N) twist();
    int y = mt[index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y & 0xffffffffL;
  }

  private void twist() {
    for (int k = 0; k < N; k++) {
      int y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
      mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
    }
    index = 0;
  }

  /** {@code _randbelow(n)}: k = bit length of n, draws of k bits until one is below n. */
  int below(int n) {
    int k = 32 - Integer.numberOfLeadingZeros(n);
    long r = next32() >>> (32 - k);
    while (r >= n) r = next32() >>> (32 - k);
    return (int) r;
  }

  /** {@code random.shuffle(list)}: from the last index down, each swapped with one drawn below it. */
  <T> void shuffle(List<T> list) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = below(i + 1);
      T swap = list.get(i);
      list.set(i, list.get(j));
      list.set(j, swap);
    }
  }
}
