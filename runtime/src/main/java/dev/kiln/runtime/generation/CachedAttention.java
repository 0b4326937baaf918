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
    this.qkv = new float[length * 3 * dim];
    this.context = new float[length * dim];
    this.scores = new float[length];
  }

  @Override
  public void forward(float[] p, float[] x, float[] y, int t, int n, boolean[] padding) {
    kernels.linearForward(x, p, inWeight, inBias, qkv, qkv, n, dim, 3 * dim, Activation.IDENTITY);
    for (int i = 0; i < n; i++) {
      System.arraycopy(qkv, i * 3 * dim + dim, keys, (t + i) * dim, dim);
      System.arraycopy(qkv, i * 3 * dim + 2 * dim, values, (t + i) * dim, dim);
    }
    for (int i = 0; i < n; i++) {
      for (int h = 0; h < heads; h++) attend(i, h, t + i, padding);
    }
    kernels.linearForward(context, p, outWeight, outBias, y, y, n, dim, dim, Activation.IDENTITY);
  }

  /** One head of the new row {@code i}, at position {@code at}: its query against keys 0..at, then its context. */
  private void attend(int i, int h, int at, boolean[] padding) {
    int q = i * 3 * dim + h * headDim;
    int out = i * dim + h * headDim;
    float max = Float.NEGATIVE_INFINITY;
    for (int j = 0; j <= at; j++) {
      if (padding[j]) {
        scores[j] = Float.NEGATIVE_INFINITY;
        continue;
      }
      float s = 0f;
      int k = j * dim + h * headDim;
      for (int c = 0; c < headDim; c++) s = Math.fma(qkv[q + c] / scale, keys[k + c], s);
      scores[j] = s;
      max = Math.max(max, s);
    }
    java.util.Arrays.fill(context, out, out + headDim, 0f);
    // Every key masked: zero probabilities, as the batch's attention gives (PyTorch gives NaN).
    if (max == Float.NEGATIVE_INFINITY) return;
    float sum = 0f;
    for (int j = 0; j <= at; j++) {
      scores[j] = (float) Math.exp(scores[j] - max);
      sum += scores[j];
    }
    float inverse = 1f / sum;
    for (int j = 0; j <= at; j++) {
      float weight = scores[j] * inverse;
      int v = j * dim + h * headDim;
      for (int c = 0; c < headDim; c++) context[out + c] = Math.fma(weight, values[v + c], context[out + c]);
    }
  }

  @Override
  public int width() {
    return dim;
  }
}
