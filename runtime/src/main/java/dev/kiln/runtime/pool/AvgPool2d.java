package dev.kiln.runtime.pool;

import dev.kiln.runtime.kernel.Epilogue;
import dev.kiln.runtime.kernel.KernelProvider;
import java.util.Arrays;

/**
 * {@code nn.AvgPool2d} with a square window over each row's C-H-W maps, dividing as PyTorch does: by
 * the window clipped at the right and bottom padding, less the padding itself unless
 * {@code countIncludePad}.
 */
public final class AvgPool2d {
  private final PoolWindows w;
  private final boolean countIncludePad;

  public AvgPool2d(int channels, int height, int width, int kernel, int stride, int padding, boolean ceilMode,
      boolean countIncludePad) {
    this.w = new PoolWindows(channels, height, width, kernel, stride, padding, 1, ceilMode);
    this.countIncludePad = countIncludePad;
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

  /** The first row (or column) of a window, in padded coordinates, and one past its last. */
  private int start(int o) {
    return o * w.stride - w.padding;
  }

  private int divisor(int oh, int ow) {
    int h0 = start(oh);
    int w0 = start(ow);
    int h1 = Math.min(h0 + w.kernel, w.height + w.padding);
    int w1 = Math.min(w0 + w.kernel, w.width + w.padding);
    if (countIncludePad) {
      return (h1 - h0) * (w1 - w0);
    }
    return (Math.min(h1, w.height) - Math.max(h0, 0)) * (Math.min(w1, w.width) - Math.max(w0, 0));
  }

  /** {@code z} = the mean of each window, then {@code y = epilogue(z)} row by row; {@code z} may be {@code y}. */
  public void forward(float[] x, float[] z, float[] y, int rows, Epilogue epilogue) {
    for (int r = 0; r < rows; r++) {
      int xRow = r * w.inSize();
      int zRow = r * w.outSize();
      for (int c = 0; c < w.channels; c++) {
        int plane = xRow + c * w.height * w.width;
        for (int oh = 0; oh < w.outHeight; oh++) {
          int h0 = Math.max(start(oh), 0);
          int h1 = Math.min(start(oh) + w.kernel, w.height);
          for (int ow = 0; ow < w.outWidth; ow++) {
            int w0 = Math.max(start(ow), 0);
            int w1 = Math.min(start(ow) + w.kernel, w.width);
            float sum = 0f;
            for (int ih = h0; ih < h1; ih++) {
              for (int iw = w0; iw < w1; iw++) sum += x[plane + ih * w.width + iw];
            }
            z[zRow + (c * w.outHeight + oh) * w.outWidth + ow] = sum / divisor(oh, ow);
          }
        }
      }
      epilogue.forwardRow(z, y, zRow, w.outSize());
    }
  }

  /** {@code dx}: each output's gradient shared among its window's inputs, divided as the forward pass divides. */
  public void inputGradient(float[] dz, float[] dx, int rows) {
    Arrays.fill(dx, 0, rows * w.inSize(), 0f);
    for (int r = 0; r < rows; r++) {
      int xRow = r * w.inSize();
      int zRow = r * w.outSize();
      for (int c = 0; c < w.channels; c++) {
        int plane = xRow + c * w.height * w.width;
        for (int oh = 0; oh < w.outHeight; oh++) {
          int h0 = Math.max(start(oh), 0);
          int h1 = Math.min(start(oh) + w.kernel, w.height);
          for (int ow = 0; ow < w.outWidth; ow++) {
            int w0 = Math.max(start(ow), 0);
            int w1 = Math.min(start(ow) + w.kernel, w.width);
            float g = dz[zRow + (c * w.outHeight + oh) * w.outWidth + ow] / divisor(oh, ow);
            for (int ih = h0; ih < h1; ih++) {
              for (int iw = w0; iw < w1; iw++) dx[plane + ih * w.width + iw] += g;
            }
          }
        }
      }
    }
  }

  /** {@link #inputGradient}, then the backward pass of a ReLU below whose output is {@code reluOutput}. */
  public void inputGradientRelu(float[] dz, float[] dx, float[] reluOutput, int rows) {
    inputGradient(dz, dx, rows);
    KernelProvider.vectors().reluBackward(reluOutput, dx, rows * w.inSize());
  }
}
