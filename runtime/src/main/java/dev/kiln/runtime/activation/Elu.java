package dev.kiln.runtime.activation;


/** {@code nn.ELU}: {@code alpha · (e^x - 1)} at and below 0. */
public record Elu(float alpha) implements Activation {
  @Override
  public boolean needsInput() {
    return true;
  }

  @Override
  public void forwardRow(float[] z, float[] y, int off, int n) {
    for (int i = off; i < off + n; i++) y[i] = z[i] > 0f ? z[i] : (float) (alpha * Math.expm1(z[i]));
  }

  @Override
  public void backwardRow(float[] z, float[] y, float[] dy, int off, int n) {
    for (int i = off; i < off + n; i++) if (!(z[i] > 0f)) dy[i] = (float) (dy[i] * alpha * Math.exp(z[i]));
  }
}
