package dev.kiln.runtime.kernel;

/**
 * The products of a Linear layer, with PyTorch's layouts: activations row-major [rows x features] (or
 * feature-major [features x rows] for narrow networks), weights row-major [out x in] inside the model's
 * parameter array. What generated layers call.
 */
public interface LinearKernels {
  /** The bias offset of a layer without bias. */
  int NO_BIAS = -1;

  /**
   * {@code z[r, o] = Σ_i x[r, i] · w[o, i] + b[o]} and {@code y = activation(z)} for {@code r < rows},
   * where w starts at {@code p[wOff]} and b at {@code p[bOff]} ({@link #NO_BIAS}: no bias). The
   * activation is applied to each row while it is still in cache; {@code z} may be {@code y}.
   */
  void linearForward(float[] x, float[] p, int wOff, int bOff, float[] z, float[] y, int rows, int in,
      int out, Epilogue activation);

  /** {@code dx[r, i] = Σ_o dz[r, o] · w[o, i]}: the gradient with respect to the layer's input. */
  void linearInputGradient(float[] dz, float[] p, int wOff, float[] dx, int rows, int in, int out);

  /**
   * {@code g[wOff + o·in + i] = Σ_r dz[r, o] · x[r, i]} and, when {@code bOff >= 0},
   * {@code g[bOff + o] = Σ_r dz[r, o]}: the gradients of weight and bias, overwritten, not accumulated.
   */
  void linearParameterGradient(float[] dz, float[] x, float[] g, int wOff, int bOff, int rows, int in,
      int out);

  /**
   * {@link #linearInputGradient} and then ReLU's backward pass for the layer below, whose output
   * {@code reluOutput} is laid out as {@code dx}: {@code dx = (dz · W)} where {@code reluOutput > 0},
   * else 0. Kernels apply the mask to each block of dx as they finish it.
   */
  void linearInputGradientRelu(float[] dz, float[] p, int wOff, float[] dx, float[] reluOutput, int rows,
      int in, int out);

  /** {@code to[c][r] = from[r][c]} for a [rows x cols] matrix. */
  void transpose(float[] from, int rows, int cols, float[] to);

  /**
   * {@code zT[o][r] = Σ_i w[o][i] · xT[i][r] + b[o]} and {@code yT = activation(zT)}, element-wise
   * activations only; {@code zT} may be {@code yT}.
   */
  void linearForwardT(float[] xT, float[] p, int wOff, int bOff, float[] zT, float[] yT, int rows, int in,
      int out, Epilogue activation);

  /** {@code dxT[i][r] = Σ_o w[o][i] · dzT[o][r]}. */
  void linearInputGradientT(float[] dzT, float[] p, int wOff, float[] dxT, int rows, int in, int out);

  /** {@code g[w][o][i] = Σ_r dzT[o][r] · xT[i][r]} and {@code g[b][o] = Σ_r dzT[o][r]}, overwritten. */
  void linearParameterGradientT(float[] dzT, float[] xT, float[] g, int wOff, int bOff, int rows, int in,
      int out);

  /**
   * {@link #linearParameterGradientT} for a layer whose input is also at hand in rows, {@code x} [rows x
   * in] (a network's first layer): kernels may read whichever layout suits the shape.
   */
  void linearParameterGradientT(float[] dzT, float[] xT, float[] x, float[] g, int wOff, int bOff, int rows,
      int in, int out);

}
