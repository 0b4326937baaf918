package dev.kiln.runtime.seq;

import dev.kiln.runtime.activation.Activation;
import dev.kiln.runtime.activation.DropoutRandom;
import dev.kiln.runtime.kernel.KernelProvider;
import dev.kiln.runtime.kernel.LinearKernels;
import dev.kiln.runtime.kernel.Parallel;
import dev.kiln.runtime.kernel.VectorKernels;

/**
 * {@code nn.MultiheadAttention(dim, heads, dropout, bias, batch_first=True)} called as self-attention,
 * {@code attn(x, x, x, key_padding_mask, attn_mask, need_weights=False)}: one product projects every
 * position to its query, key and value, each head's scores {@code (q / √headDim) · k} are masked (padding
 * keys, and later positions when causal) and turned into probabilities in one pass, the probabilities
 * weigh the values, and a second product projects the heads back.
 *
 * <p>Its parameters lie as in PyTorch's state dict, from one offset: {@code in_proj_weight} [3·dim x
 * dim], {@code in_proj_bias} [3·dim], {@code out_proj.weight} [dim x dim], {@code out_proj.bias} [dim]
 * (no biases without {@code bias}); the gradients lie the same way. The object keeps the last
 * forward pass's projections and probabilities for {@link #backward}: a model and its trainer each hold
 * their own. A query whose every key is masked (only with a causal mask over leading padding) gets
 * zero probabilities where PyTorch gets NaN.
 */
public final class SelfAttention {
  private final int length;
  private final int dim;
  private final int heads;
  private final int headDim;
  private final boolean bias;
  private final boolean causal;
  private final float dropout;
  private final float scale;
  private final LinearKernels kernels;
  /** Attention's own short loops, {@code y += a · x}: the element-wise family of the kernels chosen. */
  private final VectorKernels vectors = KernelProvider.vectors();

  /** [positions x 3·dim]: each position's query, key and value, heads side by side in each. */
  private float[] qkv = new float[0];
  /** [rows x heads x length x length]: each query's probabilities over the keys, before dropout. */
  private float[] probabilities = new float[0];
  /** Laid out as {@link #probabilities}: dropout's factors (0 or 1 / (1 - p)), when dropout is on. */
  private float[] kept = new float[0];
  /** [positions x dim]: the heads' outputs, side by side, before the output projection. */
  private float[] context = new float[0];
  private float[] contextGradient = new float[0];
  private float[] qkvGradient = new float[0];
  private boolean droppedLast;

  public SelfAttention(int length, int dim, int heads, boolean bias, boolean causal, float dropout,
      LinearKernels kernels) {
    if (heads < 1 || dim % heads != 0) {
      throw new IllegalArgumentException("dim " + dim + " is not divisible by heads " + heads);
    }
    this.length = length;
    this.dim = dim;
    this.heads = heads;
    this.headDim = dim / heads;
    this.bias = bias;
    this.causal = causal;
    this.dropout = dropout;
    this.scale = (float) Math.sqrt(headDim);
    this.kernels = kernels;
  }

  /** The number of parameters, from the offset the layer's tensors start at. */
  public static int parameterCount(int dim, boolean bias) {
    return 4 * dim * dim + (bias ? 4 * dim : 0);
  }

  private int inBias(int at) {
    return bias ? at + 3 * dim * dim : LinearKernels.NO_BIAS;
  }

  private int outWeight(int at) {
    return at + 3 * dim * dim + (bias ? 3 * dim : 0);
  }

  private int outBias(int at) {
    return bias ? outWeight(at) + dim * dim : LinearKernels.NO_BIAS;
  }

  private void reserve(int rows) {
    int positions = rows * length;
    if (qkv.length < positions * 3 * dim) {
      qkv = new float[positions * 3 * dim];
      qkvGradient = new float[positions * 3 * dim];
      context = new float[positions * dim];
      contextGradient = new float[positions * dim];
      probabilities = new float[rows * heads * length * length];
      if (dropout > 0) kept = new float[probabilities.length];
    }
  }

  /**
   * {@code y} [rows x length x dim] from {@code x}, the parameters at {@code p[at]}; {@code padding}
   * [rows x length] marks the keys not attended to (null: none). {@code random} draws the dropout of the
   * probabilities in training; null in evaluation, which drops nothing. {@code y} must not be {@code x}.
   */
  public void forward(float[] x, float[] p, int at, boolean[] padding, float[] y, int rows,
      DropoutRandom random) {
    reserve(rows);
    int positions = rows * length;
    kernels.linearForward(x, p, at, inBias(at), qkv, qkv, positions, dim, 3 * dim, Activation.IDENTITY);
    droppedLast = random != null && dropout > 0;
    if (droppedLast) {
      // Drawn here, in one order, so that the masks do not depend on how the rows are split between threads.
      float keep = 1f / (1f - dropout);
      int n = rows * heads * length * length;
      for (int i = 0; i < n; i++) kept[i] = random.nextDouble() < dropout ? 0f : keep;
    }
    this.padding = padding;
    Parallel.run(forwardRows, rows, rows / 2, KernelProvider.threads());
    kernels.linearForward(context, p, outWeight(at), outBias(at), y, y, positions, dim, dim,
        Activation.IDENTITY);
  }

  /** The padding of the batch in flight, for the row tasks. */
  private boolean[] padding;
  private final Parallel.Rows forwardRows = this::forwardRange;
  private final Parallel.Rows backwardRows = this::backwardRange;

  private void forwardRange(int from, int to) {
    Scratch scratch = scratch(from);
    for (int r = from; r < to; r++) {
      for (int h = 0; h < heads; h++) attendForward(r, h, scratch);
    }
  }

  private void backwardRange(int from, int to) {
    Scratch scratch = scratch(from);
    for (int r = from; r < to; r++) {
      for (int h = 0; h < heads; h++) attendBackward(r, h, scratch);
    }
  }

  /**
   * One thread's working rows: the keys (or values) of a head transposed, [headDim x length], so that a
   * query's scores against every key are sums of contiguous rows scaled by the query's values, loops C2
   * turns into vector code without reordering any sum; a row of scores or of their gradients; a query
   * divided by √headDim.
   */
  private static final class Scratch {
    final float[] transposed;
    final float[] row;
    final float[] query;

    Scratch(int length, int headDim) {
      transposed = new float[headDim * length];
      row = new float[length];
      query = new float[headDim];
    }
  }

  private final Scratch[] scratches = new Scratch[2];

  /** The caller's scratch for the rows from 0, the worker's for the rest. */
  private Scratch scratch(int from) {
    int part = from == 0 ? 0 : 1;
    if (scratches[part] == null) scratches[part] = new Scratch(length, headDim);
    return scratches[part];
  }

  /** Copies {@code headDim} values of each position, from {@code offset} within it, into [headDim x length]. */
  private void transpose(int base, int offset, float[] to) {
    int stride = 3 * dim;
    for (int j = 0; j < length; j++) {
      int from = base + j * stride + offset;
      for (int c = 0; c < headDim; c++) to[c * length + j] = qkv[from + c];
    }
  }

  /** One head of one sequence: its probabilities and its context. */
  private void attendForward(int r, int h, Scratch scratch) {
    int stride = 3 * dim;
    int base = r * length * stride;
    float[] keys = scratch.transposed;
    float[] scores = scratch.row;
    float[] query = scratch.query;
    transpose(base, dim + h * headDim, keys);
    for (int i = 0; i < length; i++) {
      int q = base + i * stride + h * headDim;
      // As PyTorch: the query divided by √headDim, then its product with each key.
      for (int c = 0; c < headDim; c++) query[c] = qkv[q + c] / scale;
      java.util.Arrays.fill(scores, 0f);
      for (int c = 0; c < headDim; c++) vectors.axpy(query[c], keys, c * length, scores, 0, length);
      int at = ((r * heads + h) * length + i) * length;
      float max = Float.NEGATIVE_INFINITY;
      for (int j = 0; j < length; j++) {
        float s = attends(r, i, j) ? scores[j] : Float.NEGATIVE_INFINITY;
        probabilities[at + j] = s;
        max = Math.max(max, s);
      }
      softmax(at, max);
      int out = (r * length + i) * dim + h * headDim;
      java.util.Arrays.fill(context, out, out + headDim, 0f);
      for (int j = 0; j < length; j++) {
        float weight = droppedLast ? probabilities[at + j] * kept[at + j] : probabilities[at + j];
        if (weight == 0f) continue;
        vectors.axpy(weight, qkv, base + j * stride + 2 * dim + h * headDim, context, out, headDim);
      }
    }
  }

  private boolean attends(int r, int i, int j) {
    return !(causal && j > i) && (padding == null || !padding[r * length + j]);
  }

  /** The scores of one query, masked ones at -∞, turned into probabilities in place. */
  private void softmax(int row, float max) {
    if (max == Float.NEGATIVE_INFINITY) {
      for (int j = 0; j < length; j++) probabilities[row + j] = 0f;
      return;
    }
    float sum = 0;
    for (int j = 0; j < length; j++) {
      float e = (float) Math.exp(probabilities[row + j] - max);
      probabilities[row + j] = e;
      sum += e;
    }
    float inverse = 1f / sum;
    for (int j = 0; j < length; j++) probabilities[row + j] *= inverse;
  }

  /**
   * The backward pass of the last {@link #forward}, whose input was {@code x}: the parameters' gradients
   * at {@code g[at]}, overwritten, and {@code dx} (overwritten; null when no one needs it) from
   * {@code dy}.
   */
  public void backward(float[] x, float[] dy, float[] dx, float[] p, int at, float[] g, int rows,
      boolean[] padding) {
    int positions = rows * length;
    kernels.linearParameterGradient(dy, context, g, outWeight(at), outBias(at), positions, dim, dim);
    kernels.linearInputGradient(dy, p, outWeight(at), contextGradient, positions, dim, dim);
    java.util.Arrays.fill(qkvGradient, 0, positions * 3 * dim, 0f);
    this.padding = padding;
    Parallel.run(backwardRows, rows, rows / 2, KernelProvider.threads());
    kernels.linearParameterGradient(qkvGradient, x, g, at, inBias(at), positions, dim, 3 * dim);
    if (dx != null) kernels.linearInputGradient(qkvGradient, p, at, dx, positions, dim, 3 * dim);
  }

  private void attendBackward(int r, int h, Scratch scratch) {
    int stride = 3 * dim;
    int base = r * length * stride;
    float[] values = scratch.transposed;
    float[] dp = scratch.row;
    float[] query = scratch.query;
    transpose(base, 2 * dim + h * headDim, values);
    for (int i = 0; i < length; i++) {
      int q = base + i * stride + h * headDim;
      int at = ((r * heads + h) * length + i) * length;
      int dc = (r * length + i) * dim + h * headDim;
      // The gradient of each (dropped-out) probability: the context's gradient against each value.
      java.util.Arrays.fill(dp, 0f);
      for (int c = 0; c < headDim; c++) {
        vectors.axpy(contextGradient[dc + c], values, c * length, dp, 0, length);
      }
      float weighted = 0;
      for (int j = 0; j < length; j++) {
        float pj = probabilities[at + j];
        if (pj == 0f) {
          dp[j] = 0f;
          continue;
        }
        float used = droppedLast ? pj * kept[at + j] : pj;
        if (used != 0f) {
          vectors.axpy(used, contextGradient, dc, qkvGradient, base + j * stride + 2 * dim + h * headDim, headDim);
        }
        if (droppedLast) dp[j] *= kept[at + j];
        weighted += pj * dp[j];
      }
      for (int c = 0; c < headDim; c++) query[c] = qkv[q + c] / scale;
      for (int j = 0; j < length; j++) {
        float pj = probabilities[at + j];
        if (pj == 0f) continue;
        // Softmax's backward pass, then the scaled product's: ds/dq = k / √d, ds/dk = q / √d.
        float ds = pj * (dp[j] - weighted);
        float dsScaled = ds / scale;
        int k = base + j * stride + dim + h * headDim;
        vectors.axpy(dsScaled, qkv, k, qkvGradient, q, headDim);
        vectors.axpy(ds, query, 0, qkvGradient, k, headDim);
      }
    }
  }
}
