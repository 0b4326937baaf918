package dev.kiln.runtime.generation;

import dev.kiln.runtime.activation.Activation;
import dev.kiln.runtime.kernel.LinearKernels;

/**
 * Causal self-attention one position at a time, as {@code nn.MultiheadAttention} computes it for the
 * last position of a window: the new position's query, key and value from one product, its key and value
 * appended to the cache, each head's scores against the cached keys (the query divided by √headDim, as
 * PyTorch scales it), softmax, the values mixed in position order, and the output projection. Parameters
 * laid out as {@code SelfAttention}'s: {@code in_proj_weight} [3·dim x dim], {@code in_proj_bias},
 * {@code out_proj.weight}, {@code out_proj.bias}, from the offsets given.
 */
final class CachedAttention implements PositionStep {
  private final int dim;
  private final int heads;
  private final int headDim;
  private final float scale;
  private final int inWeight;
  private final int inBias;
  private final int outWeight;
  private final int outBias;
  private final LinearKernels kernels;
  /** [length x dim]: each position's keys, then values, heads side by side. */
  private final float[] keys;
  private final float[] values;
  private final float[] qkv;
  private final float[] context;
  private final float[] scores;

  CachedAttention(int length, int dim, int heads, int inWeight, int inBias, int outWeight, int outBias,
      LinearKernels kernels) {
    this.dim = dim;
    this.heads = heads;
    this.headDim = dim / heads;
    this.scale = (float) Math.sqrt(headDim);
    this.inWeight = inWeight;
    this.inBias = inBias;
    this.outWeight = outWeight;
    this.outBias = outBias;
    this.kernels = kernels;
    this.keys = new float[length * dim];
    this.values = new float[length * dim];
    this.qkv = new float[3 * dim];
    this.context = new float[dim];
    this.scores = new float[length];
  }

  @Override
  public void forward(float[] p, float[] x, float[] y, int t, boolean[] padding) {
    kernels.linearForward(x, p, inWeight, inBias, qkv, qkv, 1, dim, 3 * dim, Activation.IDENTITY);
    System.arraycopy(qkv, dim, keys, t * dim, dim);
    System.arraycopy(qkv, 2 * dim, values, t * dim, dim);
    for (int h = 0; h < heads; h++) attend(h, t, padding);
    kernels.linearForward(context, p, outWeight, outBias, y, y, 1, dim, dim, Activation.IDENTITY);
  }

  /** One head: the new query against keys 0..t, then the context from values 0..t. */
  private void attend(int h, int t, boolean[] padding) {
    int q = h * headDim;
    float max = Float.NEGATIVE_INFINITY;
    for (int j = 0; j <= t; j++) {
      if (padding[j]) {
        scores[j] = Float.NEGATIVE_INFINITY;
        continue;
      }
      float s = 0f;
      int k = j * dim + q;
      for (int c = 0; c < headDim; c++) s = Math.fma(qkv[q + c] / scale, keys[k + c], s);
      scores[j] = s;
      max = Math.max(max, s);
    }
    java.util.Arrays.fill(context, q, q + headDim, 0f);
    // Every key masked: zero probabilities, as the batch's attention gives (PyTorch gives NaN).
    if (max == Float.NEGATIVE_INFINITY) return;
    float sum = 0f;
    for (int j = 0; j <= t; j++) {
      scores[j] = (float) Math.exp(scores[j] - max);
      sum += scores[j];
    }
    float inverse = 1f / sum;
    for (int j = 0; j <= t; j++) {
      float weight = scores[j] * inverse;
      int v = j * dim + q;
      for (int c = 0; c < headDim; c++) context[q + c] = Math.fma(weight, values[v + c], context[q + c]);
    }
  }

  @Override
  public int width() {
    return dim;
  }
}
