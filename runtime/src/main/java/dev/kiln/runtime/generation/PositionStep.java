package dev.kiln.runtime.generation;

/**
 * One operation of a causal model computed for new positions only: {@code y} [n x width] from {@code x}
 * [n x its input's width], the parameters {@code p}, for positions t..t+n-1, positions 0..t-1 having gone
 * through before (since the generator last started from position 0). A generated token is one position; a prompt, or a window
 * computed again, is many at once, through the same products with n rows. Attention keeps what it needs
 * of the positions (their keys and values); the other steps keep nothing.
 */
interface PositionStep {
  /** {@code padding[j]}: whether position j's token is the embedding's padding (a key not attended to). */
  void forward(float[] p, float[] x, float[] y, int t, int n, boolean[] padding);

  /** Values per position this step writes. */
  int width();
}
