package dev.kiln.runtime.kernel;


/**
 * Every kernel, as one implementation provides them; callers take the narrow interface of their family
 * from {@link KernelProvider}. The default methods are the scalar reference. The dense linear algebra a Linear layer needs, with PyTorch's layouts: activations row-major
 * [rows x features], weights row-major [out x in] inside the model's parameter array.
 *
 * <p>Two implementations: {@link ScalarKernels}, always available, and a Vector API one chosen at
 * start-up by {@link KernelProvider} when {@code jdk.incubator.vector} is present.
 */
public interface Kernels extends LinearKernels, MatrixKernels, LossKernels, OptimizerKernels, VectorKernels {
  /** A short name for logs and tests: {@code "scalar"} or {@code "panama"}. */
  String name();

  @Override
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

  @Override
  default void sgdMomentumStep(float[] params, float[] grads, float[] buf, int n, float lr, float weightDecay,
      float carry, float keep, float momentum, boolean nesterov) {
    for (int i = 0; i < n; i++) {
      float g = grads[i] + weightDecay * params[i];
      buf[i] = carry * buf[i] + keep * g;
      params[i] -= lr * (nesterov ? g + momentum * buf[i] : buf[i]);
    }
  }

  @Override
  default void reluBackward(float[] y, float[] dy, int n) {
    for (int i = 0; i < n; i++) {
      if (y[i] <= 0f) dy[i] = 0f;
    }
  }

  @Override
  default void multiply(int m, int n, int k, float[] a, int aOff, int ars, int acs, float[] b, int bOff, int ldb,
      float[] c, int cOff, int ldc) {
    for (int i = 0; i < m; i++) {
      int row = cOff + i * ldc;
      java.util.Arrays.fill(c, row, row + n, 0f);
      for (int p = 0; p < k; p++) {
        float aip = a[aOff + i * ars + p * acs];
        int bRow = bOff + p * ldb;
        for (int j = 0; j < n; j++) c[row + j] += aip * b[bRow + j];
      }
    }
  }

  @Override
  default void multiplyRows(int m, int n, int k, float[] a, float[] b, float[] c) {
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) c[i * n + j] = dot(a, i * k, b, j * k, k);
    }
  }

  // Feature-major products, for narrow networks: activations are kept [features x rows], so that the
  // batch, the one wide dimension of a narrow network, is the one vectors run along.

  @Override
  default void transpose(float[] from, int rows, int cols, float[] to) {
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) to[c * rows + r] = from[r * cols + c];
    }
  }

  @Override
  default void linearForwardT(float[] xT, float[] p, int wOff, int bOff, float[] zT, float[] yT, int rows, int in,
      int out, Epilogue activation) {
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

  @Override
  default void linearInputGradientT(float[] dzT, float[] p, int wOff, float[] dxT, int rows, int in, int out) {
    java.util.Arrays.fill(dxT, 0, in * rows, 0f);
    for (int o = 0; o < out; o++) {
      for (int i = 0; i < in; i++) {
        float w = p[wOff + o * in + i];
        for (int r = 0; r < rows; r++) dxT[i * rows + r] += w * dzT[o * rows + r];
      }
    }
  }

  @Override
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

  @Override
  default void linearInputGradientRelu(float[] dz, float[] p, int wOff, float[] dx, float[] reluOutput, int rows,
      int in, int out) {
    linearInputGradient(dz, p, wOff, dx, rows, in, out);
    reluBackward(reluOutput, dx, rows * in);
  }

  @Override
  default void linearParameterGradientT(float[] dzT, float[] xT, float[] x, float[] g, int wOff, int bOff, int rows,
      int in, int out) {
    linearParameterGradientT(dzT, xT, g, wOff, bOff, rows, in, out);
  }

  // Losses in their plainest, most common form, where they are a narrow network's largest cost.

  @Override
  default float crossEntropyT(float[] zT, int[] targets, float[] gT, int rows, int classes, int ignoreIndex,
      boolean mean) {
    return crossEntropy(zT, targets, gT, rows, classes, 1, rows, ignoreIndex, mean);
  }

  @Override
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

  @Override
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
