package dev.kiln.runtime.activation;


/** Softmax over each row, with the row maximum subtracted so that no exponential overflows. */
public final class Softmax implements Activation {
  @Override
  public void forwardRow(float[] z, float[] y, int off, int n) {
    float max = Rows.max(z, off, n);
    double sum = 0;
    for (int i = off; i < off + n; i++) {
      y[i] = (float) Math.exp(z[i] - max);
      sum += y[i];
    }
    float inv = (float) (1.0 / sum);
    for (int i = off; i < off + n; i++) y[i] *= inv;
  }

  @Override
  public void backwardRow(float[] z, float[] y, float[] dy, int off, int n) {
    double dot = 0;
    for (int i = off; i < off + n; i++) dot += (double) dy[i] * y[i];
    for (int i = off; i < off + n; i++) dy[i] = (float) (y[i] * (dy[i] - dot));
  }

  @Override
  public String toString() {
    return "SOFTMAX";
  }
}
