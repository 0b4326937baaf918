package dev.kiln.runtime.generation;

/**
 * One operation of a causal model computed for one position at a time: {@code y} from {@code x}, the
 * parameters {@code p}, for position {@code t}, the earlier positions having gone through since the last
 * {@link #reset}. Attention keeps what it needs of them (their keys and values); the other steps keep
 * nothing.
 */
interface PositionStep {
  /** {@code padding[j]}: whether position j's token is the embedding's padding (a key not attended to). */
  void forward(float[] p, float[] x, float[] y, int t, boolean[] padding);

  /** Values per position this step writes. */
  int width();

  /** Forgets every position: the next one is position 0. */
  default void reset() {}
}
