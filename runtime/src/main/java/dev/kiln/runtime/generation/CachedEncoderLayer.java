package dev.kiln.runtime.generation;

import dev.kiln.runtime.activation.Activation;
import dev.kiln.runtime.kernel.LinearKernels;
import dev.kiln.runtime.norm.LayerNorm;

/**
 * {@code nn.TransformerEncoderLayer} with a causal mask, one position at a time: pre-norm
 * {@code x1 = x + attn(norm1(x))}, {@code y = x1 + linear2(act(linear1(norm2(x1))))}; post-norm
 * {@code x1 = norm1(x + attn(x))}, {@code y = norm2(x1 + linear2(act(linear1(x1))))}; no dropout, as in
 * evaluation. The attention keeps its keys and values.
 */
final class CachedEncoderLayer implements PositionStep {
  /** The offsets of the layer's tensors other than the attention's. */
  record Offsets(int linear1Weight, int linear1Bias, int linear2Weight, int linear2Bias, int norm1Weight,
      int norm1Bias, int norm2Weight, int norm2Bias) {}

  private final int dim;
  private final int feedforward;
  private final boolean normFirst;
  private final Activation activation;
  private final Offsets at;
  private final CachedAttention attention;
  private final LayerNorm norm1;
  private final LayerNorm norm2;
  private final LinearKernels kernels;
  private final float[] normed;
  private final float[] attended;
  private final float[] x1;
  private final float[] hidden;
  private final float[] branch;

  CachedEncoderLayer(int length, int dim, int feedforward, boolean normFirst, boolean gelu, float eps, Offsets at,
      CachedAttention attention, LinearKernels kernels) {
    this.dim = dim;
    this.feedforward = feedforward;
    this.normFirst = normFirst;
    this.activation = gelu ? Activation.gelu() : Activation.RELU;
    this.at = at;
    this.attention = attention;
    this.norm1 = new LayerNorm(dim, eps);
    this.norm2 = new LayerNorm(dim, eps);
    this.kernels = kernels;
    this.normed = new float[length * dim];
    this.attended = new float[length * dim];
    this.x1 = new float[length * dim];
    this.hidden = new float[length * feedforward];
    this.branch = new float[length * dim];
  }

  @Override
  public void forward(float[] p, float[] x, float[] y, int t, int n, boolean[] padding) {
    int values = n * dim;
    if (normFirst) {
      norm1.forward(x, normed, normed, n, Activation.IDENTITY, p, at.norm1Weight(), at.norm1Bias());
      attention.forward(p, normed, attended, t, n, padding);
      for (int i = 0; i < values; i++) x1[i] = x[i] + attended[i];
      norm2.forward(x1, normed, normed, n, Activation.IDENTITY, p, at.norm2Weight(), at.norm2Bias());
      feedForward(p, normed, n);
      for (int i = 0; i < values; i++) y[i] = x1[i] + branch[i];
    } else {
      attention.forward(p, x, attended, t, n, padding);
      for (int i = 0; i < values; i++) attended[i] += x[i];
      norm1.forward(attended, x1, x1, n, Activation.IDENTITY, p, at.norm1Weight(), at.norm1Bias());
      feedForward(p, x1, n);
      for (int i = 0; i < values; i++) branch[i] += x1[i];
      norm2.forward(branch, y, y, n, Activation.IDENTITY, p, at.norm2Weight(), at.norm2Bias());
    }
  }

  /** {@code branch = linear2(act(linear1(in)))} for n positions. */
  private void feedForward(float[] p, float[] in, int n) {
    kernels.linearForward(in, p, at.linear1Weight(), at.linear1Bias(), hidden, hidden, n, dim, feedforward,
        activation);
    kernels.linearForward(hidden, p, at.linear2Weight(), at.linear2Bias(), branch, branch, n, feedforward, dim,
        Activation.IDENTITY);
  }

  @Override
  public int width() {
    return dim;
  }
}
