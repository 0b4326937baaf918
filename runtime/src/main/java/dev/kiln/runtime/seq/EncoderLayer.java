package dev.kiln.runtime.seq;

import dev.kiln.runtime.activation.Activation;
import dev.kiln.runtime.activation.Dropout;
import dev.kiln.runtime.activation.DropoutRandom;
import dev.kiln.runtime.kernel.LinearKernels;
import dev.kiln.runtime.norm.LayerNorm;

/**
 * {@code nn.TransformerEncoderLayer(dim, heads, feedforward, dropout, activation, eps, batch_first=True,
 * norm_first)} on [rows x length x dim], with the padding (and causal) mask passed to its attention.
 * Post-norm: {@code x1 = norm1(x + drop1(attn(x)))}, {@code y = norm2(x1 + drop2(linear2(drop(act(linear1(x1))))))};
 * pre-norm: {@code x1 = x + drop1(attn(norm1(x)))}, {@code y = x1 + drop2(linear2(drop(act(linear1(norm2(x1))))))}.
 *
 * <p>Its parameters lie from one offset in PyTorch's state-dict order: {@code self_attn.in_proj_weight},
 * {@code self_attn.in_proj_bias}, {@code self_attn.out_proj.weight}, {@code self_attn.out_proj.bias},
 * {@code linear1.weight} [feedforward x dim], {@code linear1.bias}, {@code linear2.weight} [dim x
 * feedforward], {@code linear2.bias}, {@code norm1.weight}, {@code norm1.bias}, {@code norm2.weight},
 * {@code norm2.bias}; the gradients the same way. It keeps its last forward pass for {@link #backward}.
 */
public final class EncoderLayer {
  private final int length;
  private final int dim;
  private final int feedforward;
  private final float dropout;
  private final boolean normFirst;
  private final Activation activation;
  private final LinearKernels kernels;
  private final SelfAttention attention;
  private final LayerNorm norm1;
  private final LayerNorm norm2;

  /** Workspaces, [positions x dim] or [positions x feedforward], grown to the largest batch seen. */
  private float[] attended = new float[0];
  private float[] firstSum = new float[0];
  private float[] normed = new float[0];
  /** Pre-norm only: norm1's output, the attention's input. */
  private float[] attentionInput = new float[0];
  private float[] hidden = new float[0];
  private float[] activated = new float[0];
  private float[] secondSum = new float[0];
  private float[] firstKept = new float[0];
  private float[] hiddenKept = new float[0];
  private float[] secondKept = new float[0];
  private float[] gradient = new float[0];
  private float[] hiddenGradient = new float[0];
  private float[] innerGradient = new float[0];
  private boolean droppedLast;

  public EncoderLayer(int length, int dim, int heads, int feedforward, float dropout, Activation activation,
      boolean normFirst, float eps, boolean causal, LinearKernels kernels) {
    this.length = length;
    this.dim = dim;
    this.feedforward = feedforward;
    this.dropout = dropout;
    this.normFirst = normFirst;
    this.activation = activation;
    this.kernels = kernels;
    this.attention = new SelfAttention(length, dim, heads, true, causal, dropout, kernels);
    this.norm1 = new LayerNorm(dim, eps);
    this.norm2 = new LayerNorm(dim, eps);
  }

  /** The number of parameters, from the offset the layer's tensors start at. */
  public static int parameterCount(int dim, int feedforward) {
    return SelfAttention.parameterCount(dim, true) + 2 * feedforward * dim + feedforward + dim + 4 * dim;
  }

  private int linear1(int at) {
    return at + SelfAttention.parameterCount(dim, true);
  }

  private int linear2(int at) {
    return linear1(at) + feedforward * dim + feedforward;
  }

  private int norm1(int at) {
    return linear2(at) + dim * feedforward + dim;
  }

  private int norm2(int at) {
    return norm1(at) + 2 * dim;
  }

  private void reserve(int rows) {
    int values = rows * length * dim;
    if (attended.length < values) {
      attended = new float[values];
      firstSum = new float[values];
      normed = new float[values];
      if (normFirst) attentionInput = new float[values];
      secondSum = new float[values];
      gradient = new float[values];
      innerGradient = new float[values];
      hidden = new float[rows * length * feedforward];
      activated = new float[hidden.length];
      hiddenGradient = new float[hidden.length];
      if (dropout > 0) {
        firstKept = new float[values];
        secondKept = new float[values];
        hiddenKept = new float[hidden.length];
      }
    }
  }

  /**
   * {@code y} from {@code x}, the parameters at {@code p[at]}; {@code random} draws dropout in training,
   * null in evaluation. {@code y} must not be {@code x}.
   */
  public void forward(float[] x, float[] p, int at, boolean[] padding, float[] y, int rows,
      DropoutRandom random) {
    reserve(rows);
    int positions = rows * length;
    int values = positions * dim;
    droppedLast = random != null && dropout > 0;
    if (normFirst) {
      norm1.forward(x, attentionInput, attentionInput, positions, Activation.IDENTITY, p, norm1(at),
          norm1(at) + dim);
      attention.forward(attentionInput, p, at, padding, attended, rows, random);
      drop(attended, firstKept, values, random);
      for (int i = 0; i < values; i++) firstSum[i] = x[i] + attended[i];
      norm2.forward(firstSum, normed, normed, positions, Activation.IDENTITY, p, norm2(at), norm2(at) + dim);
      feedForward(normed, p, at, y, positions, random);
      for (int i = 0; i < values; i++) y[i] += firstSum[i];
    } else {
      attention.forward(x, p, at, padding, attended, rows, random);
      drop(attended, firstKept, values, random);
      for (int i = 0; i < values; i++) firstSum[i] = x[i] + attended[i];
      norm1.forward(firstSum, normed, normed, positions, Activation.IDENTITY, p, norm1(at), norm1(at) + dim);
      feedForward(normed, p, at, secondSum, positions, random);
      for (int i = 0; i < values; i++) secondSum[i] += normed[i];
      norm2.forward(secondSum, y, y, positions, Activation.IDENTITY, p, norm2(at), norm2(at) + dim);
    }
  }

  /** {@code out = drop2(linear2(drop(act(linear1(in)))))}. */
  private void feedForward(float[] in, float[] p, int at, float[] out, int positions, DropoutRandom random) {
    int l1 = linear1(at);
    int l2 = linear2(at);
    kernels.linearForward(in, p, l1, l1 + feedforward * dim, hidden, activated, positions, dim, feedforward,
        activation);
    drop(activated, hiddenKept, positions * feedforward, random);
    kernels.linearForward(activated, p, l2, l2 + dim * feedforward, out, out, positions, feedforward, dim,
        Activation.IDENTITY);
    drop(out, secondKept, positions * dim, random);
  }

  private void drop(float[] values, float[] kept, int n, DropoutRandom random) {
    if (droppedLast) Dropout.forward(values, values, kept, n, dropout, random);
  }

  private void undrop(float[] gradient, float[] kept, int n) {
    if (droppedLast) Dropout.backward(gradient, kept, gradient, n);
  }

  /**
   * The backward pass of the last {@link #forward}, whose input was {@code x}: the parameters'
   * gradients at {@code g[at]}, overwritten, and {@code dx} (overwritten; it may be {@code dy}, or null when
   * no one needs it).
   */
  public void backward(float[] x, float[] dy, float[] dx, float[] p, int at, float[] g, int rows,
      boolean[] padding) {
    int positions = rows * length;
    int values = positions * dim;
    if (normFirst) {
      // y = x1 + ff(norm2(x1)): the feed-forward branch back to x1, then the attention branch back to x.
      System.arraycopy(dy, 0, gradient, 0, values);
      feedForwardBackward(gradient, normed, p, at, g, innerGradient, positions);
      norm2.backward(firstSum, innerGradient, innerGradient, positions, p, norm2(at), g, norm2(at),
          norm2(at) + dim);
      for (int i = 0; i < values; i++) gradient[i] += innerGradient[i];
      System.arraycopy(gradient, 0, innerGradient, 0, values);
      undrop(innerGradient, firstKept, values);
      attention.backward(attentionInput, innerGradient, innerGradient, p, at, g, rows, padding);
      norm1.backward(x, innerGradient, dx == null ? null : innerGradient, positions, p, norm1(at), g, norm1(at),
          norm1(at) + dim);
      for (int i = 0; i < values && dx != null; i++) dx[i] = gradient[i] + innerGradient[i];
    } else {
      norm2.backward(secondSum, dy, gradient, positions, p, norm2(at), g, norm2(at), norm2(at) + dim);
      feedForwardBackward(gradient, normed, p, at, g, innerGradient, positions);
      for (int i = 0; i < values; i++) gradient[i] += innerGradient[i];
      norm1.backward(firstSum, gradient, gradient, positions, p, norm1(at), g, norm1(at), norm1(at) + dim);
      System.arraycopy(gradient, 0, innerGradient, 0, values);
      undrop(innerGradient, firstKept, values);
      attention.backward(x, innerGradient, dx == null ? null : innerGradient, p, at, g, rows, padding);
      for (int i = 0; i < values && dx != null; i++) dx[i] = gradient[i] + innerGradient[i];
    }
  }

  /**
   * The feed-forward branch's backward pass from the gradient of its output {@code dOut} (left as it
   * was), whose input was {@code in}: its parameters' gradients, and {@code dIn}, overwritten.
   */
  private void feedForwardBackward(float[] dOut, float[] in, float[] p, int at, float[] g, float[] dIn,
      int positions) {
    int l1 = linear1(at);
    int l2 = linear2(at);
    int values = positions * dim;
    float[] branch = dIn;
    System.arraycopy(dOut, 0, branch, 0, values);
    undrop(branch, secondKept, values);
    kernels.linearParameterGradient(branch, activated, g, l2, l2 + dim * feedforward, positions, feedforward,
        dim);
    kernels.linearInputGradient(branch, p, l2, hiddenGradient, positions, feedforward, dim);
    undrop(hiddenGradient, hiddenKept, positions * feedforward);
    // ReLU reads its output's sign and GELU its input: the kept input serves both, undisturbed by dropout.
    activation.backward(hidden, hidden, hiddenGradient, positions, feedforward);
    kernels.linearParameterGradient(hiddenGradient, in, g, l1, l1 + feedforward * dim, positions, dim,
        feedforward);
    kernels.linearInputGradient(hiddenGradient, p, l1, dIn, positions, dim, feedforward);
  }
}
