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

  CachedEncoderLayer(int dim, int feedforward, boolean normFirst, boolean gelu, float eps, Offsets at,
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
    this.normed = new float[dim];
    this.attended = new float[dim];
    this.x1 = new float[dim];
    this.hidden = new float[feedforward];
    this.branch = new float[dim];
  }

  @Override
  public void forward(float[] p, float[] x, float[] y, int t, boolean[] padding) {
    if (normFirst) {
      norm1.forward(x, normed, normed, 1, Activation.IDENTITY, p, at.norm1Weight(), at.norm1Bias());
      attention.forward(p, normed, attended, t, padding);
      for (int i = 0; i < dim; i++) x1[i] = x[i] + attended[i];
      norm2.forward(x1, normed, normed, 1, Activation.IDENTITY, p, at.norm2Weight(), at.norm2Bias());
      feedForward(p, normed);
      for (int i = 0; i < dim; i++) y[i] = x1[i] + branch[i];
    } else {
      attention.forward(p, x, attended, t, padding);
      for (int i = 0; i < dim; i++) attended[i] += x[i];
      norm1.forward(attended, x1, x1, 1, Activation.IDENTITY, p, at.norm1Weight(), at.norm1Bias());
      feedForward(p, x1);
      for (int i = 0; i < dim; i++) branch[i] += x1[i];
      norm2.forward(branch, y, y, 1, Activation.IDENTITY, p, at.norm2Weight(), at.norm2Bias());
    }
  }

  /** {@code branch = linear2(act(linear1(in)))}. */
  private void feedForward(float[] p, float[] in) {
    kernels.linearForward(in, p, at.linear1Weight(), at.linear1Bias(), hidden, hidden, 1, dim, feedforward,
        activation);
    kernels.linearForward(hidden, p, at.linear2Weight(), at.linear2Bias(), branch, branch, 1, feedforward, dim,
        Activation.IDENTITY);
  }

  @Override
  public int width() {
    return dim;
  }
}
