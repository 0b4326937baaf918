package dev.kiln.runtime.kernel;

import java.util.Arrays;

/**
 * The loop structure both implementations share; they differ only in their {@link #dot} and
 * {@link #axpy}, where the time goes.
 */
abstract class AbstractKernels implements Kernels {

  @Override
  public final void linearForward(float[] x, float[] p, int wOff, int bOff, float[] z, float[] y,
      int rows, int in, int out, Epilogue activation) {
    for (int r = 0; r < rows; r++) {
      int xRow = r * in;
      int zRow = r * out;
      for (int o = 0; o < out; o++) {
        float sum = dot(x, xRow, p, wOff + o * in, in);
        z[zRow + o] = bOff >= 0 ? sum + p[bOff + o] : sum;
      }
      activation.forwardRow(z, y, zRow, out);
    }
  }

  @Override
  public final void linearInputGradient(float[] dz, float[] p, int wOff, float[] dx, int rows, int in,
      int out) {
    Arrays.fill(dx, 0, rows * in, 0f);
    for (int r = 0; r < rows; r++) {
      for (int o = 0; o < out; o++) {
        float d = dz[r * out + o];
        if (d != 0f) {
          axpy(d, p, wOff + o * in, dx, r * in, in);
        }
      }
    }
  }

  @Override
  public final void linearParameterGradient(float[] dz, float[] x, float[] g, int wOff, int bOff,
      int rows, int in, int out) {
    Arrays.fill(g, wOff, wOff + out * in, 0f);
    for (int r = 0; r < rows; r++) {
      for (int o = 0; o < out; o++) {
        float d = dz[r * out + o];
        if (d != 0f) {
          axpy(d, x, r * in, g, wOff + o * in, in);
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
  public String toString() {
    return name();
  }
}
