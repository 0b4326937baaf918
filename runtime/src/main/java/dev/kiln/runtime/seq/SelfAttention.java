package dev.kiln.runtime.seq;

import dev.kiln.runtime.activation.Activation;
import dev.kiln.runtime.activation.DropoutRandom;
import dev.kiln.runtime.kernel.KernelProvider;
import dev.kiln.runtime.kernel.LinearKernels;
import dev.kiln.runtime.kernel.Parallel;

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
  /** Each head's products and softmax: the attention family of the kernels chosen. */
  private final AttentionKernels attention = AttentionKernels.chosen();

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
      random.mask(kept, 0, rows * heads * length * length, dropout);
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
   * One thread's working matrices for one head of one sequence: the keys (or values) transposed, [headDim
   * x length]; the queries divided by √headDim, [length x headDim]; two [length x length] squares.
   */
  private static final class Scratch {
    final float[] transposed;
    final float[] queries;
    final float[] square;
    final float[] squareT;

    Scratch(int length, int headDim) {
      transposed = new float[headDim * length];
      queries = new float[length * headDim];
      square = new float[length * length];
      squareT = new float[length * length];
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

  /** A head's queries divided by √headDim, as PyTorch scales them before the product with the keys. */
  private void scaledQueries(int base, int h, float[] to) {
    int stride = 3 * dim;
    for (int i = 0; i < length; i++) {
      int q = base + i * stride + h * headDim;
      for (int c = 0; c < headDim; c++) to[i * headDim + c] = qkv[q + c] / scale;
    }
  }

  /** {@code to} [length x length] = {@code from} (at {@code at}) transposed, times dropout's factors. */
  private void transposeSquare(float[] from, int at, float[] to, boolean dropped) {
    for (int i = 0; i < length; i++) {
      for (int j = 0; j < length; j++) {
        float v = from[at + i * length + j];
        to[j * length + i] = dropped ? v * kept[at + i * length + j] : v;
      }
    }
  }

  /** One head of one sequence: its probabilities and its context. */
  private void attendForward(int r, int h, Scratch scratch) {
    int stride = 3 * dim;
    int base = r * length * stride;
    int at = (r * heads + h) * length * length;
    scaledQueries(base, h, scratch.queries);
    transpose(base, dim + h * headDim, scratch.transposed);
    attention.product(scratch.queries, 0, headDim, scratch.transposed, 0, length, probabilities, at, length,
        length, length, headDim);
    if (causal || padding != null) {
      for (int i = 0; i < length; i++) {
        for (int j = 0; j < length; j++) {
          if (!attends(r, i, j)) probabilities[at + i * length + j] = Float.NEGATIVE_INFINITY;
        }
      }
    }
    attention.softmaxRows(probabilities, at, length, length);
    float[] weights = probabilities;
    int weightsAt = at;
    if (droppedLast) {
      weights = scratch.square;
      weightsAt = 0;
      for (int e = 0; e < length * length; e++) weights[e] = probabilities[at + e] * kept[at + e];
    }
    attention.product(weights, weightsAt, length, qkv, base + 2 * dim + h * headDim, stride, context,
        r * length * dim + h * headDim, dim, length, headDim, length);
  }

  private boolean attends(int r, int i, int j) {
    return !(causal && j > i) && (padding == null || !padding[r * length + j]);
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
    this.padding = padding;
    // Every head of every row writes its own columns of the queries', keys' and values' gradients.
    Parallel.run(backwardRows, rows, rows / 2, KernelProvider.threads());
    kernels.linearParameterGradient(qkvGradient, x, g, at, inBias(at), positions, dim, 3 * dim);
    if (dx != null) kernels.linearInputGradient(qkvGradient, p, at, dx, positions, dim, 3 * dim);
  }

  private void attendBackward(int r, int h, Scratch scratch) {
    int stride = 3 * dim;
    int base = r * length * stride;
    int at = (r * heads + h) * length * length;
    int q = base + h * headDim;
    int k = q + dim;
    int v = k + dim;
    int dc = r * length * dim + h * headDim;
    float[] ds = scratch.square;
    // The gradient of each (dropped-out) probability: the context's gradient against each value.
    transpose(base, 2 * dim + h * headDim, scratch.transposed);
    attention.product(contextGradient, dc, dim, scratch.transposed, 0, length, ds, 0, length, length, length,
        headDim);
    // The values' gradient: the (dropped-out) probabilities, transposed, against the context's gradient.
    transposeSquare(probabilities, at, scratch.squareT, droppedLast);
    attention.product(scratch.squareT, 0, length, contextGradient, dc, dim, qkvGradient, v, stride, length,
        headDim, length);
    // Softmax's backward pass, in place: the scores' gradient.
    for (int i = 0; i < length; i++) {
      int row = at + i * length;
      float weighted = 0;
      for (int j = 0; j < length; j++) {
        if (droppedLast) ds[i * length + j] *= kept[row + j];
        weighted += probabilities[row + j] * ds[i * length + j];
      }
      for (int j = 0; j < length; j++) {
        ds[i * length + j] = probabilities[row + j] * (ds[i * length + j] - weighted);
      }
    }
    // The scaled product's: dq = ds · k / √d, dk = dsᵀ · q / √d.
    transposeSquare(ds, 0, scratch.squareT, false);
    for (int e = 0; e < length * length; e++) ds[e] /= scale;
    attention.product(ds, 0, length, qkv, k, stride, qkvGradient, q, stride, length, headDim, length);
    scaledQueries(base, h, scratch.queries);
    attention.product(scratch.squareT, 0, length, scratch.queries, 0, headDim, qkvGradient, k, stride, length,
        headDim, length);
  }
}
