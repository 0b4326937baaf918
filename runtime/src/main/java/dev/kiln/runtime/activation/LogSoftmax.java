package dev.kiln.runtime.activation;


/** Log-softmax over each row, {@code x - max - log Σ e^(x - max)}: finite for logits of any size. */
public final class LogSoftmax implements Activation {
  @Override
  public void forwardRow(float[] z, float[] y, int off, int n) {
    float max = Rows.max(z, off, n);
    double sum = 0;
    for (int i = off; i < off + n; i++) sum += Math.exp(z[i] - max);
    double logSum = Math.log(sum);
    for (int i = off; i < off + n; i++) y[i] = (float) ((z[i] - max) - logSum);
  }

  @Override
  public void backwardRow(float[] z, float[] y, float[] dy, int off, int n) {
    double sum = 0;
    for (int i = off; i < off + n; i++) sum += dy[i];
    for (int i = off; i < off + n; i++) dy[i] = (float) (dy[i] - Math.exp(y[i]) * sum);
  }

  @Override
  public String toString() {
    return "LOG_SOFTMAX";
  }
}
