package dev.kiln.runtime.generation;

import dev.kiln.runtime.activation.Activation;
import dev.kiln.runtime.kernel.LinearKernels;
import dev.kiln.runtime.seq.AttentionKernels;

/**
 * Causal self-attention one position at a time, as {@code nn.MultiheadAttention} computes it for the
 * last position of a window: the new position's query, key and value from one product, its key and value
 * appended to the cache, each head's scores against the cached keys (the query divided by √headDim, as
 * PyTorch scales it), softmax, the values mixed in position order, and the output projection. Parameters
 * laid out as {@code SelfAttention}'s: {@code in_proj_weight} [3·dim x dim], {@code in_proj_bias},
 * {@code out_proj.weight}, {@code out_proj.bias}, from the offsets given.
 */
final class CachedAttention implements PositionStep {
  private final int length;
  private final int dim;
  private final int heads;
  private final int headDim;
  private final float scale;
  private final int inWeight;
  private final int inBias;
  private final int outWeight;
  private final int outBias;
  private final LinearKernels kernels;
  private final AttentionKernels attention = AttentionKernels.chosen();
  /** [heads x headDim x length]: each head's keys, transposed, so that a query's scores are one product. */
  private final float[] keys;
  /** [length x dim]: each position's values, heads side by side. */
  private final float[] values;
  private final float[] qkv;
  private final float[] queries;
  private final float[] scores;
  private final float[] context;

  CachedAttention(int length, int dim, int heads, int inWeight, int inBias, int outWeight, int outBias,
      LinearKernels kernels) {
    this.length = length;
    this.dim = dim;
    this.heads = heads;
    this.headDim = dim / heads;
    this.scale = (float) Math.sqrt(headDim);
    this.inWeight = inWeight;
    this.inBias = inBias;
    this.outWeight = outWeight;
    this.outBias = outBias;
    this.kernels = kernels;
    this.keys = new float[dim * length];
    this.values = new float[length * dim];
    this.qkv = new float[length * 3 * dim];
    this.queries = new float[length * headDim];
    this.scores = new float[length * length];
    this.context = new float[length * dim];
  }

  @Override
  public void forward(float[] p, float[] x, float[] y, int t, int n, boolean[] padding) {
    kernels.linearForward(x, p, inWeight, inBias, qkv, qkv, n, dim, 3 * dim, Activation.IDENTITY);
    for (int i = 0; i < n; i++) {
      int row = i * 3 * dim;
      for (int c = 0; c < dim; c++) keys[c * length + t + i] = qkv[row + dim + c];
      System.arraycopy(qkv, row + 2 * dim, values, (t + i) * dim, dim);
    }
    for (int h = 0; h < heads; h++) attend(h, t, n, padding);
    kernels.linearForward(context, p, outWeight, outBias, y, y, n, dim, dim, Activation.IDENTITY);
  }

  /**
   * One head of the n new rows at positions t..t+n-1 against keys 0..t+n-1: the queries divided by
   * √headDim (as PyTorch scales them), their scores in one product, later positions and padding masked,
   * softmax, and the values mixed in one product: the batch's attention, for these rows.
   */
  private void attend(int h, int t, int n, boolean[] padding) {
    int m = t + n;
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < headDim; c++) queries[i * headDim + c] = qkv[i * 3 * dim + h * headDim + c] / scale;
    }
    attention.product(queries, 0, headDim, keys, h * headDim * length, length, scores, 0, m, n, m, headDim);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        if (j > t + i || padding[j]) scores[i * m + j] = Float.NEGATIVE_INFINITY;
      }
    }
    // A row whose every key is masked gets zero probabilities, as the batch's attention gives it.
    attention.softmaxRows(scores, 0, n, m);
    attention.product(scores, 0, m, values, h * headDim, dim, context, h * headDim, dim, n, headDim, m);
  }

  @Override
  public int width() {
    return dim;
  }
}
