package dev.kiln.runtime.kernel;

import java.util.Arrays;

/**
 * The products of Linear layers on plain Java, with PyTorch's layouts: the reference the Vector API ones
 * are tested against. Row-major passes go through the element-wise {@code dot} and {@code axpy}; the
 * feature-major ones, [features x rows], through plain loops along the batch.
 */
final class ScalarLinearKernels implements LinearKernels {
  private final VectorKernels vectors = new ScalarVectorKernels();

  @Override
  public void linearForward(float[] x, float[] p, int wOff, int bOff, float[] z, float[] y,
      int rows, int in, int out, Epilogue activation) {
    for (int r = 0; r < rows; r++) {
      int xRow = r * in;
      int zRow = r * out;
      for (int o = 0; o < out; o++) {
        float sum = vectors.dot(x, xRow, p, wOff + o * in, in);
        z[zRow + o] = bOff >= 0 ? sum + p[bOff + o] : sum;
      }
      activation.forwardRow(z, y, zRow, out);
    }
  }

  @Override
  public void linearInputGradient(float[] dz, float[] p, int wOff, float[] dx, int rows, int in,
      int out) {
    Arrays.fill(dx, 0, rows * in, 0f);
    for (int r = 0; r < rows; r++) {
      for (int o = 0; o < out; o++) {
        float d = dz[r * out + o];
        if (d != 0f) {
          vectors.axpy(d, p, wOff + o * in, dx, r * in, in);
        }
      }
    }
  }

  @Override
  public void linearParameterGradient(float[] dz, float[] x, float[] g, int wOff, int bOff,
      int rows, int in, int out) {
    Arrays.fill(g, wOff, wOff + out * in, 0f);
    for (int r = 0; r < rows; r++) {
      for (int o = 0; o < out; o++) {
        float d = dz[r * out + o];
        if (d != 0f) {
          vectors.axpy(d, x, r * in, g, wOff + o * in, in);
        }
      }
    }
    if (bOff >= 0) {
      for (int o = 0; o < out; o++) {
        float sum = 0f;
        for (int r = 0; r < rows; r++) sum += dz[r * out + o];
        g[bOff + o] = sum;
      }
    }
  }

  @Override
  public void linearInputGradientRelu(float[] dz, float[] p, int wOff, float[] dx, float[] reluOutput, int rows,
      int in, int out) {
    linearInputGradient(dz, p, wOff, dx, rows, in, out);
    vectors.reluBackward(reluOutput, dx, rows * in);
  }

  @Override
  public void transpose(float[] from, int rows, int cols, float[] to) {
    Transposes.transpose(from, rows, cols, to);
  }

  @Override
  public void linearForwardT(float[] xT, float[] p, int wOff, int bOff, float[] zT, float[] yT, int rows, int in,
      int out, Epilogue activation) {
    for (int o = 0; o < out; o++) {
      float b = bOff >= 0 ? p[bOff + o] : 0f;
      Arrays.fill(zT, o * rows, (o + 1) * rows, b);
      for (int i = 0; i < in; i++) {
        float w = p[wOff + o * in + i];
        for (int r = 0; r < rows; r++) zT[o * rows + r] += w * xT[i * rows + r];
      }
    }
    activation.forward(zT, yT, out, rows);
  }

  @Override
  public void linearInputGradientT(float[] dzT, float[] p, int wOff, float[] dxT, int rows, int in, int out) {
    Arrays.fill(dxT, 0, in * rows, 0f);
    for (int o = 0; o < out; o++) {
      for (int i = 0; i < in; i++) {
        float w = p[wOff + o * in + i];
        for (int r = 0; r < rows; r++) dxT[i * rows + r] += w * dzT[o * rows + r];
      }
    }
  }

  @Override
  public void linearParameterGradientT(float[] dzT, float[] xT, float[] g, int wOff, int bOff, int rows, int in,
      int out) {
    for (int o = 0; o < out; o++) {
      for (int i = 0; i < in; i++) g[wOff + o * in + i] = vectors.dot(dzT, o * rows, xT, i * rows, rows);
      if (bOff >= 0) {
        float sum = 0f;
        for (int r = 0; r < rows; r++) sum += dzT[o * rows + r];
        g[bOff + o] = sum;
      }
    }
  }

  @Override
  public void linearParameterGradientT(float[] dzT, float[] xT, float[] x, float[] g, int wOff, int bOff, int rows,
      int in, int out) {
    linearParameterGradientT(dzT, xT, g, wOff, bOff, rows, in, out);
  }
}
