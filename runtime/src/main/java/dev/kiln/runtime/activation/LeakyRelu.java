package dev.kiln.runtime.activation;


/** {@code nn.LeakyReLU}: the slope below 0 applies at 0 too, in the gradient as in PyTorch. */
public record LeakyRelu(float negativeSlope) implements Activation {
  @Override
  public boolean needsInput() {
    return true;
  }

  @Override
  public void forwardRow(float[] z, float[] y, int off, int n) {
    for (int i = off; i < off + n; i++) y[i] = z[i] > 0f ? z[i] : z[i] * negativeSlope;
  }

  @Override
  public void backwardRow(float[] z, float[] y, float[] dy, int off, int n) {
    for (int i = off; i < off + n; i++) if (!(z[i] > 0f)) dy[i] *= negativeSlope;
  }
}
