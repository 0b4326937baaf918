package dev.kiln.runtime.activation;


/** {@code nn.Softplus}: {@code log(1 + e^(beta·x)) / beta}, and {@code x} where {@code beta·x > threshold}. */
public record Softplus(float beta, float threshold) implements Activation {
  @Override
  public boolean needsInput() {
    return true;
  }

  @Override
  public void forwardRow(float[] z, float[] y, int off, int n) {
    for (int i = off; i < off + n; i++) {
      double bx = (double) z[i] * beta;
      y[i] = bx > threshold ? z[i] : (float) (Math.log1p(Math.exp(bx)) / beta);
    }
  }

  @Override
  public void backwardRow(float[] z, float[] y, float[] dy, int off, int n) {
    for (int i = off; i < off + n; i++) {
      double bx = (double) z[i] * beta;
      if (!(bx > threshold)) dy[i] = (float) (dy[i] * Elementwise.sigmoid(bx));
    }
  }
}
