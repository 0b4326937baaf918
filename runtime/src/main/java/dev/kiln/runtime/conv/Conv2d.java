package dev.kiln.runtime.conv;

import dev.kiln.runtime.kernel.Epilogue;
import java.util.Arrays;

/**
 * One {@code nn.Conv2d} with a square kernel, as generated code runs it: each row of a batch is one
 * example's C-H-W maps, the weight [out, in, kernel, kernel] and the bias [out] live in the model's
 * parameter array. Direct convolution: each weight is broadcast over an output plane's rows, so the
 * innermost loop runs along a row of the input and of the output.
 */
public final class Conv2d {
  private final int in;
  private final int height;
  private final int width;
  private final int out;
  private final int kernel;
  private final int stride;
  private final int padding;
  private final int dilation;
  private final int outHeight;
  private final int outWidth;

  public Conv2d(int in, int height, int width, int out, int kernel, int stride, int padding, int dilation) {
    this.in = in;
    this.height = height;
    this.width = width;
    this.out = out;
    this.kernel = kernel;
    this.stride = stride;
    this.padding = padding;
    this.dilation = dilation;
    this.outHeight = outputSize(height, kernel, stride, padding, dilation);
    this.outWidth = outputSize(width, kernel, stride, padding, dilation);
  }

  /** PyTorch's output size: {@code floor((size + 2·padding - dilation·(kernel - 1) - 1) / stride) + 1}. */
  public static int outputSize(int size, int kernel, int stride, int padding, int dilation) {
    return Math.floorDiv(size + 2 * padding - dilation * (kernel - 1) - 1, stride) + 1;
  }

  public int outHeight() {
    return outHeight;
  }

  public int outWidth() {
    return outWidth;
  }

  /** Values per row of the input. */
  public int inSize() {
    return in * height * width;
  }

  /** Values per row of the output. */
  public int outSize() {
    return out * outHeight * outWidth;
  }

  /**
   * {@code z = conv(x) + b}, then {@code y = epilogue(z)} row by row; {@code z} may be {@code y}.
   * {@code bOff < 0}: no bias.
   */
  public void forward(float[] x, float[] p, int wOff, int bOff, float[] z, float[] y, int rows, Epilogue epilogue) {
    int plane = outHeight * outWidth;
    for (int r = 0; r < rows; r++) {
      int xRow = r * inSize();
      int zRow = r * outSize();
      for (int o = 0; o < out; o++) {
        int zPlane = zRow + o * plane;
        Arrays.fill(z, zPlane, zPlane + plane, bOff >= 0 ? p[bOff + o] : 0f);
        for (int c = 0; c < in; c++) {
          int xPlane = xRow + c * height * width;
          for (int kh = 0; kh < kernel; kh++) {
            for (int kw = 0; kw < kernel; kw++) {
              float weight = p[wOff + ((o * in + c) * kernel + kh) * kernel + kw];
              accumulate(x, xPlane, z, zPlane, weight, kh, kw);
            }
          }
        }
      }
      if (epilogue.fused() != Epilogue.Fused.IDENTITY || z != y) {
        epilogue.forwardRow(z, y, zRow, outSize());
      }
    }
  }

  /** {@code zPlane[oh, ow] += weight · xPlane[ih, iw]} for the one kernel tap (kh, kw). */
  private void accumulate(float[] x, int xPlane, float[] z, int zPlane, float weight, int kh, int kw) {
    for (int oh = 0; oh < outHeight; oh++) {
      int ih = oh * stride - padding + kh * dilation;
      if (ih < 0 || ih >= height) continue;
      int xLine = xPlane + ih * width;
      int zLine = zPlane + oh * outWidth;
      for (int ow = 0; ow < outWidth; ow++) {
        int iw = ow * stride - padding + kw * dilation;
        if (iw >= 0 && iw < width) z[zLine + ow] += weight * x[xLine + iw];
      }
    }
  }

  /** {@code dx = convᵀ(dz)}: the gradient of the input, overwritten. */
  public void inputGradient(float[] dz, float[] p, int wOff, float[] dx, int rows) {
    Arrays.fill(dx, 0, rows * inSize(), 0f);
    int plane = outHeight * outWidth;
    for (int r = 0; r < rows; r++) {
      for (int o = 0; o < out; o++) {
        int zPlane = r * outSize() + o * plane;
        for (int c = 0; c < in; c++) {
          int xPlane = r * inSize() + c * height * width;
          for (int kh = 0; kh < kernel; kh++) {
            for (int kw = 0; kw < kernel; kw++) {
              float weight = p[wOff + ((o * in + c) * kernel + kh) * kernel + kw];
              for (int oh = 0; oh < outHeight; oh++) {
                int ih = oh * stride - padding + kh * dilation;
                if (ih < 0 || ih >= height) continue;
                int xLine = xPlane + ih * width;
                int zLine = zPlane + oh * outWidth;
                for (int ow = 0; ow < outWidth; ow++) {
                  int iw = ow * stride - padding + kw * dilation;
                  if (iw >= 0 && iw < width) dx[xLine + iw] += weight * dz[zLine + ow];
                }
              }
            }
          }
        }
      }
    }
  }

  /**
   * {@link #inputGradient}, then the backward pass of a ReLU below whose output {@code reluOutput} is
   * laid out as {@code dx}: the gradient is 0 wherever that output is not above 0, as PyTorch's
   * {@code threshold_backward} has it.
   */
  public void inputGradientRelu(float[] dz, float[] p, int wOff, float[] dx, float[] reluOutput, int rows) {
    inputGradient(dz, p, wOff, dx, rows);
    for (int i = 0, n = rows * inSize(); i < n; i++) {
      if (reluOutput[i] <= 0f) dx[i] = 0f;
    }
  }

  /** The gradients of weight and bias ({@code bOff < 0}: none), overwritten, summed over the rows. */
  public void parameterGradient(float[] dz, float[] x, float[] g, int wOff, int bOff, int rows) {
    Arrays.fill(g, wOff, wOff + out * in * kernel * kernel, 0f);
    int plane = outHeight * outWidth;
    for (int o = 0; o < out; o++) {
      double bias = 0;
      for (int r = 0; r < rows; r++) {
        int zPlane = r * outSize() + o * plane;
        for (int i = 0; i < plane; i++) bias += dz[zPlane + i];
        for (int c = 0; c < in; c++) {
          int xPlane = r * inSize() + c * height * width;
          for (int kh = 0; kh < kernel; kh++) {
            for (int kw = 0; kw < kernel; kw++) {
              g[wOff + ((o * in + c) * kernel + kh) * kernel + kw] += tap(dz, zPlane, x, xPlane, kh, kw);
            }
          }
        }
      }
      if (bOff >= 0) g[bOff + o] = (float) bias;
    }
  }

  /** {@code Σ dzPlane[oh, ow] · xPlane[ih, iw]} over the output positions that the tap (kh, kw) reads inside x. */
  private float tap(float[] dz, int zPlane, float[] x, int xPlane, int kh, int kw) {
    float sum = 0f;
    for (int oh = 0; oh < outHeight; oh++) {
      int ih = oh * stride - padding + kh * dilation;
      if (ih < 0 || ih >= height) continue;
      int xLine = xPlane + ih * width;
      int zLine = zPlane + oh * outWidth;
      for (int ow = 0; ow < outWidth; ow++) {
        int iw = ow * stride - padding + kw * dilation;
        if (iw >= 0 && iw < width) sum += dz[zLine + ow] * x[xLine + iw];
      }
    }
    return sum;
  }

  @Override
  public String toString() {
    return "Conv2d(" + in + " x " + height + " x " + width + " -> " + out + " x " + outHeight + " x " + outWidth
        + ", kernel " + kernel + ", stride " + stride + ", padding " + padding + ", dilation " + dilation + ")";
  }
}
