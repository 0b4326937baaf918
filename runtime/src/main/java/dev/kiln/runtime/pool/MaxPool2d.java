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
    boolean pairs = w.kernel == 2 && w.dilation == 1;
    for (int r = 0; r < rows; r++) {
      int xRow = r * w.inSize();
      int zRow = r * w.outSize();
      for (int c = 0; c < w.channels; c++) {
        int plane = c * w.height * w.width;
        for (int oh = 0; oh < w.outHeight; oh++) {
          int ih0 = oh * w.stride - w.padding;
          int khLo = w.firstRowTap[oh];
          int khHi = w.endRowTap[oh];
          for (int ow = 0; ow < w.outWidth; ow++) {
            int iw0 = ow * w.stride - w.padding;
            int kwLo = w.firstColumnTap[ow];
            int kwHi = w.endColumnTap[ow];
            int start = xRow + plane + ih0 * w.width + iw0;
            int at;
            float max;
            if (pairs && khLo == 0 && khHi == 2 && kwLo == 0 && kwHi == 2) {
              // The common 2 x 2 window, wholly inside: its four taps written out.
              at = start;
              max = x[start];
              int i = start + 1;
              float v = x[i];
              boolean wins = v > max | v != v;
              at = wins ? i : at;
              max = Math.max(max, v);
              i = start + w.width;
              v = x[i];
              wins = v > max | v != v;
              at = wins ? i : at;
              max = Math.max(max, v);
              i++;
              v = x[i];
              wins = v > max | v != v;
              at = wins ? i : at;
              max = Math.max(max, v);
            } else {
              // As PyTorch: the first tap inside the input until a value beats -∞; a NaN beats anything.
              at = khLo < khHi && kwLo < kwHi ? start + khLo * w.dilation * w.width + kwLo * w.dilation : -1;
              max = Float.NEGATIVE_INFINITY;
              for (int kh = khLo; kh < khHi; kh++) {
                int line = start + kh * w.dilation * w.width;
                for (int kw = kwLo; kw < kwHi; kw++) {
                  int i = line + kw * w.dilation;
                  float v = x[i];
                  // Which value wins is as likely as not: chosen without a branch, which would be mispredicted.
                  boolean wins = v > max | v != v;
                  at = wins ? i : at;
                  max = Math.max(max, v);
                }
              }
            }
            at = at < 0 ? -1 : at - xRow;
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

  /**
   * {@link #inputGradient}, then the backward pass of a ReLU below whose output is {@code reluOutput}, this
   * pool's input. Only a window's maximum receives a gradient, so the mask is applied as it is sent.
   */
  public void inputGradientRelu(float[] dz, int[] argmax, float[] dx, float[] reluOutput, int rows) {
    Arrays.fill(dx, 0, rows * w.inSize(), 0f);
    for (int r = 0; r < rows; r++) {
      int xRow = r * w.inSize();
      int zRow = r * w.outSize();
      for (int i = 0; i < w.outSize(); i++) {
        int at = argmax[zRow + i];
        if (at >= 0) {
          int to = xRow + at;
          // Where the ReLU's output is not above 0 its gradient is 0, as the ReLU's own backward pass has it.
          dx[to] += reluOutput[to] <= 0f ? 0f : dz[zRow + i];
        }
      }
    }
  }
}
