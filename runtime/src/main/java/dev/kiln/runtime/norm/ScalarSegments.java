package dev.kiln.runtime.norm;

/** {@link Segments} on plain loops: sums in double over four independent chains, so that none waits on itself. */
final class ScalarSegments implements Segments {
  @Override
  public double sum(float[] x, int from, int n) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int i = from;
    for (int end = from + n - n % 4; i < end; i += 4) {
      s0 += x[i];
      s1 += x[i + 1];
      s2 += x[i + 2];
      s3 += x[i + 3];
    }
    for (; i < from + n; i++) s0 += x[i];
    return (s0 + s1) + (s2 + s3);
  }

  @Override
  public double squares(float[] x, int from, int n, double m) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int i = from;
    for (int end = from + n - n % 4; i < end; i += 4) {
      double d0 = x[i] - m, d1 = x[i + 1] - m, d2 = x[i + 2] - m, d3 = x[i + 3] - m;
      s0 += d0 * d0;
      s1 += d1 * d1;
      s2 += d2 * d2;
      s3 += d3 * d3;
    }
    for (; i < from + n; i++) {
      double d = x[i] - m;
      s0 += d * d;
    }
    return (s0 + s1) + (s2 + s3);
  }

  @Override
  public double sumDyXhat(float[] dy, float[] x, int from, int n, float m, float s) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int i = from;
    for (int end = from + n - n % 4; i < end; i += 4) {
      s0 += dy[i] * ((x[i] - m) * s);
      s1 += dy[i + 1] * ((x[i + 1] - m) * s);
      s2 += dy[i + 2] * ((x[i + 2] - m) * s);
      s3 += dy[i + 3] * ((x[i + 3] - m) * s);
    }
    for (; i < from + n; i++) s0 += dy[i] * ((x[i] - m) * s);
    return (s0 + s1) + (s2 + s3);
  }

  @Override
  public void scale(float[] x, float[] y, int from, int n, float scale, float shift) {
    for (int i = from; i < from + n; i++) y[i] = x[i] * scale + shift;
  }

  @Override
  public void inputGradient(float[] dy, float[] x, float[] dx, int from, int n, float k, float meanDy, float m,
      float s, float meanDyXhat) {
    for (int i = from; i < from + n; i++) dx[i] = k * (dy[i] - meanDy - (x[i] - m) * s * meanDyXhat);
  }
}
