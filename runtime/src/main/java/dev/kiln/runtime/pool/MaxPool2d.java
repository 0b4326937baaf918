package dev.kiln.runtime.pool;

import dev.kiln.runtime.kernel.Epilogue;
import java.util.Arrays;

/**
 * {@code nn.MaxPool2d} with a square window over each row's C-H-W maps. Padding counts as -∞; the
 * training pass records where each window's first maximum is, and the backward pass sends the
 * gradient there, as PyTorch does.
 */
public final class MaxPool2d {
  private final PoolWindows w;

  public MaxPool2d(int channels, int height, int width, int kernel, int stride, int padding, int dilation,
      boolean ceilMode) {
    this.w = new PoolWindows(channels, height, width, kernel, stride, padding, dilation, ceilMode);
  }

  public int outHeight() {
    return w.outHeight;
  }

  public int outWidth() {
    return w.outWidth;
  }

  public int inSize() {
    return w.inSize();
  }

  public int outSize() {
    return w.outSize();
  }

  /**
   * {@code z} = the maximum of each window, then {@code y = epilogue(z)} row by row ({@code z} may be
   * {@code y}); where {@code argmax} is not null, the index within its row of each maximum.
   */
  public void forward(float[] x, float[] z, float[] y, int[] argmax, int rows, Epilogue epilogue) {
    for (int r = 0; r < rows; r++) {
      int xRow = r * w.inSize();
      int zRow = r * w.outSize();
      for (int c = 0; c < w.channels; c++) {
        int plane = c * w.height * w.width;
        for (int oh = 0; oh < w.outHeight; oh++) {
          int ih0 = oh * w.stride - w.padding;
          int khLo = w.firstTap(ih0);
          int khHi = w.endTap(ih0, w.height);
          for (int ow = 0; ow < w.outWidth; ow++) {
            int iw0 = ow * w.stride - w.padding;
            int kwLo = w.firstTap(iw0);
            int kwHi = w.endTap(iw0, w.width);
            float max = Float.NEGATIVE_INFINITY;
            int at = -1;
            for (int kh = khLo; kh < khHi; kh++) {
              int line = plane + (ih0 + kh * w.dilation) * w.width + iw0;
              for (int kw = kwLo; kw < kwHi; kw++) {
                int i = line + kw * w.dilation;
                float v = x[xRow + i];
                // The first maximum wins, and a NaN beats any number, as in PyTorch.
                if (v > max || Float.isNaN(v) || at < 0) {
                  max = v;
                  at = i;
                }
              }
            }
            int out = (c * w.outHeight + oh) * w.outWidth + ow;
            z[zRow + out] = max;
            if (argmax != null) argmax[zRow + out] = at;
          }
        }
      }
      epilogue.forwardRow(z, y, zRow, w.outSize());
    }
  }

  /** {@code dx}: each output's gradient at its window's maximum, 0 elsewhere. */
  public void inputGradient(float[] dz, int[] argmax, float[] dx, int rows) {
    Arrays.fill(dx, 0, rows * w.inSize(), 0f);
    for (int r = 0; r < rows; r++) {
      int xRow = r * w.inSize();
      int zRow = r * w.outSize();
      for (int i = 0; i < w.outSize(); i++) {
        int at = argmax[zRow + i];
        if (at >= 0) dx[xRow + at] += dz[zRow + i];
      }
    }
  }

  /** {@link #inputGradient}, then the backward pass of a ReLU below whose output is {@code reluOutput}. */
  public void inputGradientRelu(float[] dz, int[] argmax, float[] dx, float[] reluOutput, int rows) {
    inputGradient(dz, argmax, dx, rows);
    for (int i = 0, n = rows * w.inSize(); i < n; i++) {
      if (reluOutput[i] <= 0f) dx[i] = 0f;
    }
  }
}
