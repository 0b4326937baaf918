package dev.kiln.runtime.norm;

/**
 * The loops a normalization runs over one contiguous segment of a channel's values: sums for its
 * statistics, the normalization itself, and the input gradient. One implementation on plain Java
 * loops, one on the Vector API, chosen as the other kernels are.
 */
interface Segments {
  /** {@code Σ x[from, from + n)}. */
  double sum(float[] x, int from, int n);

  /** {@code Σ (x[i] - m)²} over the segment. */
  double squares(float[] x, int from, int n, double m);

  /** {@code Σ dy[i] · (x[i] - m) · s} over the segment. */
  double sumDyXhat(float[] dy, float[] x, int from, int n, float m, float s);

  /** {@code y[i] = x[i] · scale + shift} over the segment. */
  void scale(float[] x, float[] y, int from, int n, float scale, float shift);

  /** {@code dx[i] = k · (dy[i] - meanDy - (x[i] - m) · s · meanDyXhat)} over the segment. */
  void inputGradient(float[] dy, float[] x, float[] dx, int from, int n, float k, float meanDy, float m, float s,
      float meanDyXhat);
}
