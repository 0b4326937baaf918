package dev.kiln.runtime.activation;

/** Reductions over one row. */
public final class Rows {
  private Rows() {}

  /** The largest of {@code y[off, off + n)}. */
  public static float max(float[] y, int off, int n) {
    float max = Float.NEGATIVE_INFINITY;
    for (int i = off; i < off + n; i++) max = Math.max(max, y[i]);
    return max;
  }
}
