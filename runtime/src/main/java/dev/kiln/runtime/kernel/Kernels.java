package dev.kiln.runtime.kernel;

import dev.kiln.runtime.Activation;

/**
 * The dense linear algebra a Linear layer needs, with PyTorch's layouts: activations row-major
 * [rows x features], weights row-major [out x in] inside the model's parameter array.
 *
 * <p>Two implementations: {@link ScalarKernels}, always available, and a Vector API one chosen at
 * start-up by {@link KernelProvider} when {@code jdk.incubator.vector} is present.
 */
public interface Kernels {
  /** The bias offset of a layer without bias. */
  int NO_BIAS = -1;

  /** A short name for logs and tests: {@code "scalar"} or {@code "panama"}. */
  String name();

  /**
   * {@code z[r, o] = Σ_i x[r, i] · w[o, i] + b[o]} and {@code y = activation(z)} for {@code r < rows},
   * where w starts at {@code p[wOff]} and b at {@code p[bOff]} ({@link #NO_BIAS}: no bias). The
   * activation is applied to each row while it is still in cache; {@code z} may be {@code y}.
   */
  void linearForward(float[] x, float[] p, int wOff, int bOff, float[] z, float[] y, int rows, int in,
      int out, Activation activation);

  /** {@code dx[r, i] = Σ_o dz[r, o] · w[o, i]}: the gradient with respect to the layer's input. */
  void linearInputGradient(float[] dz, float[] p, int wOff, float[] dx, int rows, int in, int out);

  /**
   * {@code g[wOff + o·in + i] = Σ_r dz[r, o] · x[r, i]} and, when {@code bOff >= 0},
   * {@code g[bOff + o] = Σ_r dz[r, o]}: the gradients of weight and bias, overwritten, not accumulated.
   */
  void linearParameterGradient(float[] dz, float[] x, float[] g, int wOff, int bOff, int rows, int in,
      int out);

  /** {@code Σ_i a[aOff + i] · b[bOff + i]} for {@code i < n}. */
  float dot(float[] a, int aOff, float[] b, int bOff, int n);

  /** {@code y[yOff + i] += alpha · x[xOff + i]} for {@code i < n}. */
  void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n);

  /**
   * One Adam step over {@code n} parameters, as PyTorch computes it in float: {@code g = grad + l2·p};
   * {@code m += (1 - beta1)(g - m)}; {@code v = beta2·v + (1 - beta2)g²}; with AMSGrad {@code v} is the
   * largest so far; {@code p -= stepSize · m / (sqrt(v) / bc2Sqrt + eps)}. First moments live in
   * {@code moments[0, n)}, second in {@code [n, 2n)}, AMSGrad's maxima in {@code [2n, 3n)}. Decoupled
   * decay (AdamW) multiplies {@code p} by {@code shrink} first; pass 1 for none.
   */
  default void adamStep(float[] params, float[] grads, float[] moments, int n, float beta1, float beta2,
      float stepSize, float bc2Sqrt, float eps, float l2, float shrink, boolean amsgrad) {
    for (int i = 0; i < n; i++) {
      float p = params[i] * shrink;
      float g = grads[i] + l2 * p;
      float m = moments[i] + (1f - beta1) * (g - moments[i]);
      float v = beta2 * moments[n + i] + (1f - beta2) * g * g;
      moments[i] = m;
      moments[n + i] = v;
      if (amsgrad) {
        v = Math.max(moments[2 * n + i], v);
        moments[2 * n + i] = v;
      }
      float denom = (float) Math.sqrt(v) / bc2Sqrt + eps;
      params[i] = p - stepSize * (m / denom);
    }
  }

  /**
   * One SGD step with momentum over {@code n} parameters, as PyTorch computes it: {@code g = grad + wd·p};
   * {@code buf = carry·buf + keep·g} (on the first step carry 0 and keep 1, so that the buffer starts as
   * the gradient); {@code p -= lr · (nesterov ? g + momentum·buf : buf)}.
   */
  default void sgdMomentumStep(float[] params, float[] grads, float[] buf, int n, float lr, float weightDecay,
      float carry, float keep, float momentum, boolean nesterov) {
    for (int i = 0; i < n; i++) {
      float g = grads[i] + weightDecay * params[i];
      buf[i] = carry * buf[i] + keep * g;
      params[i] -= lr * (nesterov ? g + momentum * buf[i] : buf[i]);
    }
  }

  /** ReLU's backward pass over {@code n} values: {@code dy = 0} where the output {@code y} is not above 0. */
  default void reluBackward(float[] y, float[] dy, int n) {
    for (int i = 0; i < n; i++) {
      if (y[i] <= 0f) dy[i] = 0f;
    }
  }

  // Feature-major products, for narrow networks: activations are kept [features x rows], so that the
  // batch, the one wide dimension of a narrow network, is the one vectors run along.

  /** {@code to[c][r] = from[r][c]} for a [rows x cols] matrix. */
  default void transpose(float[] from, int rows, int cols, float[] to) {
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) to[c * rows + r] = from[r * cols + c];
    }
  }

  /**
   * {@code zT[o][r] = Σ_i w[o][i] · xT[i][r] + b[o]} and {@code yT = activation(zT)}, element-wise
   * activations only; {@code zT} may be {@code yT}.
   */
  default void linearForwardT(float[] xT, float[] p, int wOff, int bOff, float[] zT, float[] yT, int rows, int in,
      int out, Activation activation) {
    for (int o = 0; o < out; o++) {
      float b = bOff >= 0 ? p[bOff + o] : 0f;
      java.util.Arrays.fill(zT, o * rows, (o + 1) * rows, b);
      for (int i = 0; i < in; i++) {
        float w = p[wOff + o * in + i];
        for (int r = 0; r < rows; r++) zT[o * rows + r] += w * xT[i * rows + r];
      }
    }
    activation.forward(zT, yT, out, rows);
  }

  /** {@code dxT[i][r] = Σ_o w[o][i] · dzT[o][r]}. */
  default void linearInputGradientT(float[] dzT, float[] p, int wOff, float[] dxT, int rows, int in, int out) {
    java.util.Arrays.fill(dxT, 0, in * rows, 0f);
    for (int o = 0; o < out; o++) {
      for (int i = 0; i < in; i++) {
        float w = p[wOff + o * in + i];
        for (int r = 0; r < rows; r++) dxT[i * rows + r] += w * dzT[o * rows + r];
      }
    }
  }

  /** {@code g[w][o][i] = Σ_r dzT[o][r] · xT[i][r]} and {@code g[b][o] = Σ_r dzT[o][r]}, overwritten. */
  default void linearParameterGradientT(float[] dzT, float[] xT, float[] g, int wOff, int bOff, int rows, int in,
      int out) {
    for (int o = 0; o < out; o++) {
      for (int i = 0; i < in; i++) g[wOff + o * in + i] = dot(dzT, o * rows, xT, i * rows, rows);
      if (bOff >= 0) {
        float sum = 0f;
        for (int r = 0; r < rows; r++) sum += dzT[o * rows + r];
        g[bOff + o] = sum;
      }
    }
  }

  /**
   * {@link #linearInputGradient} and then ReLU's backward pass for the layer below, whose output
   * {@code reluOutput} is laid out as {@code dx}: {@code dx = (dz · W)} where {@code reluOutput > 0},
   * else 0. Kernels apply the mask to each block of dx as they finish it.
   */
  default void linearInputGradientRelu(float[] dz, float[] p, int wOff, float[] dx, float[] reluOutput, int rows,
      int in, int out) {
    linearInputGradient(dz, p, wOff, dx, rows, in, out);
    reluBackward(reluOutput, dx, rows * in);
  }

  /**
   * {@link #linearParameterGradientT} for a layer whose input is also at hand in rows, {@code x} [rows x
   * in] (a network's first layer): kernels may read whichever layout suits the shape.
   */
  default void linearParameterGradientT(float[] dzT, float[] xT, float[] x, float[] g, int wOff, int bOff, int rows,
      int in, int out) {
    linearParameterGradientT(dzT, xT, g, wOff, bOff, rows, in, out);
  }

  // Losses in their plainest, most common form, where they are a narrow network's largest cost.

  /**
   * Cross-entropy of class-index targets on feature-major logits {@code zT} [classes x rows], no class
   * weights, no smoothing: writes d(loss)/d(logits) into {@code gT} (same layout) and returns the loss,
   * averaged over the rows whose target is not {@code ignoreIndex} when {@code mean}, else summed. A mean
   * over no rows is NaN, with zero gradients. Targets must already be checked.
   */
  default float crossEntropyT(float[] zT, int[] targets, float[] gT, int rows, int classes, int ignoreIndex,
      boolean mean) {
    return crossEntropy(zT, targets, gT, rows, classes, 1, rows, ignoreIndex, mean);
  }

  /** {@link #crossEntropyT} on row-major logits [rows x classes], the gradient in the same layout. */
  default float crossEntropy(float[] z, int[] targets, float[] g, int rows, int classes, int ignoreIndex,
      boolean mean) {
    return crossEntropy(z, targets, g, rows, classes, classes, 1, ignoreIndex, mean);
  }

  /** Cross-entropy in double precision, logit (r, c) at {@code r·rowStride + c·classStride}. */
  private static float crossEntropy(float[] z, int[] targets, float[] g, int rows, int classes, int rowStride,
      int classStride, int ignoreIndex, boolean mean) {
    int counted = 0;
    for (int r = 0; r < rows; r++) if (targets[r] != ignoreIndex) counted++;
    if (mean && counted == 0) {
      java.util.Arrays.fill(g, 0, rows * classes, 0f);
      return Float.NaN;
    }
    double scale = mean ? 1.0 / counted : 1.0;
    double loss = 0;
    for (int r = 0; r < rows; r++) {
      int row = r * rowStride;
      int t = targets[r];
      if (t == ignoreIndex) {
        for (int c = 0; c < classes; c++) g[row + c * classStride] = 0f;
        continue;
      }
      float max = Float.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) max = Math.max(max, z[row + c * classStride]);
      double sum = 0;
      for (int c = 0; c < classes; c++) sum += Math.exp(z[row + c * classStride] - max);
      loss += max + Math.log(sum) - z[row + t * classStride];
      for (int c = 0; c < classes; c++) {
        double softmax = Math.exp(z[row + c * classStride] - max) / sum;
        g[row + c * classStride] = (float) ((softmax - (c == t ? 1 : 0)) * scale);
      }
    }
    return (float) (loss * scale);
  }

  /**
   * Binary cross-entropy on logits {@code x} with targets {@code y}, no weights: {@code (1-y)x - log σ(x)}
   * per value, gradient {@code (σ(x) - y) · scale} into {@code grad}; returns the sum of the terms times
   * {@code scale} (1/n for a mean, 1 for a sum). Any layout, as long as x, y and grad share it.
   */
  default float bceWithLogits(float[] x, float[] y, float[] grad, int n, float scale) {
    double total = 0;
    for (int i = 0; i < n; i++) {
      double v = x[i];
      double e = Math.exp(-Math.abs(v));
      double sigmoid = v >= 0 ? 1 / (1 + e) : e / (1 + e);
      total += (1 - y[i]) * v - (Math.min(v, 0) - Math.log1p(e));
      grad[i] = (float) ((sigmoid - y[i]) * scale);
    }
    return (float) (total * scale);
  }
}
