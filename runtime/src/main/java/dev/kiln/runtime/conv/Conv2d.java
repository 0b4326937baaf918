package dev.kiln.runtime.conv;

import dev.kiln.runtime.activation.Activation;
import dev.kiln.runtime.kernel.Epilogue;
import dev.kiln.runtime.kernel.KernelProvider;
import dev.kiln.runtime.kernel.LinearKernels;
import java.util.Arrays;

/**
 * One {@code nn.Conv2d} with a square kernel, as generated code runs it: each row of a batch is one
 * example's C-H-W maps, the weight [out, in, kernel, kernel] and the bias [out] live in the model's
 * parameter array.
 *
 * <p>Two ways to compute it. Direct convolution, the scalar reference: each weight is broadcast over an
 * output plane's rows. And, where the Vector API kernels were chosen, the products of a Linear layer
 * ({@link LinearKernels}, packed, register-blocked, on both cores) over the input unrolled into one
 * row per output pixel (im2col), a slice of the batch at a time so that the unrolled copy stays small.
 */
public final class Conv2d {
  /** The most floats of unrolled input one slice of a batch takes: 4 MiB. */
  private static final int SLICE_FLOATS = 1 << 20;
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

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
  private final boolean products;
  private final int sliceFloats;

  public Conv2d(int in, int height, int width, int out, int kernel, int stride, int padding, int dilation) {
    this(in, height, width, out, kernel, stride, padding, dilation, KernelProvider.vectorized(), SLICE_FLOATS);
  }

  /**
   * @param products whether to run through the Linear products rather than directly
   * @param sliceFloats the most floats of unrolled input a slice of the batch takes
   */
  Conv2d(int in, int height, int width, int out, int kernel, int stride, int padding, int dilation,
      boolean products, int sliceFloats) {
    this.products = products;
    this.sliceFloats = sliceFloats;
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
    if (products) {
      forwardByProducts(x, p, wOff, bOff, z, rows);
    } else {
      forwardDirect(x, p, wOff, bOff, z, rows);
    }
    epilogue.forward(z, y, rows, outSize());
  }

  private void forwardDirect(float[] x, float[] p, int wOff, int bOff, float[] z, int rows) {
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
    if (products) {
      inputGradientByProducts(dz, p, wOff, dx, rows);
    } else {
      inputGradientDirect(dz, p, wOff, dx, rows);
    }
  }

  private void inputGradientDirect(float[] dz, float[] p, int wOff, float[] dx, int rows) {
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
    if (products) {
      parameterGradientByProducts(dz, x, g, wOff, bOff, rows);
    } else {
      parameterGradientDirect(dz, x, g, wOff, bOff, rows);
    }
  }

  private void parameterGradientDirect(float[] dz, float[] x, float[] g, int wOff, int bOff, int rows) {
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

  // Through the Linear products: the input unrolled to one row of in·kernel² values per output pixel.

  /** Values per unrolled row: one output pixel's receptive field. */
  private int field() {
    return in * kernel * kernel;
  }

  private int pixels() {
    return outHeight * outWidth;
  }

  /** How many examples one slice of the batch holds. */
  private int sliceRows(int rows) {
    return Math.max(1, Math.min(rows, sliceFloats / Math.max(1, pixels() * Math.max(field(), out))));
  }

  /** The first tap along a row or column whose input index {@code start + tap·dilation} is at least 0. */
  private int firstTap(int start) {
    return start >= 0 ? 0 : Math.min(kernel, (-start + dilation - 1) / dilation);
  }

  /** One past the last tap whose input index {@code start + tap·dilation} is below {@code size}. */
  private int endTap(int start, int size) {
    return start >= size ? 0 : Math.min(kernel, (size - 1 - start) / dilation + 1);
  }

  /**
   * {@code cols[(e·pixels + pixel)·field + (c·k + kh)·k + kw]} = the input under that tap, or 0 in the
   * padding. The taps inside the input are worked out once per pixel, so the copying loops test nothing.
   */
  private void unroll(float[] x, int firstRow, int count, float[] cols) {
    int k = kernel;
    for (int e = 0; e < count; e++) {
      int xRow = (firstRow + e) * inSize();
      for (int oh = 0; oh < outHeight; oh++) {
        int ih0 = oh * stride - padding;
        int khLo = firstTap(ih0);
        int khHi = endTap(ih0, height);
        for (int ow = 0; ow < outWidth; ow++) {
          int iw0 = ow * stride - padding;
          int kwLo = firstTap(iw0);
          int kwHi = endTap(iw0, width);
          int col = ((e * outHeight + oh) * outWidth + ow) * field();
          for (int c = 0; c < in; c++) {
            int xPlane = xRow + c * height * width;
            int at = col + c * k * k;
            Arrays.fill(cols, at, at + khLo * k, 0f);
            for (int kh = khLo; kh < khHi; kh++) {
              int line = at + kh * k;
              int from = xPlane + (ih0 + kh * dilation) * width + iw0;
              for (int kw = 0; kw < kwLo; kw++) cols[line + kw] = 0f;
              for (int kw = kwLo; kw < kwHi; kw++) cols[line + kw] = x[from + kw * dilation];
              for (int kw = Math.max(kwHi, kwLo); kw < k; kw++) cols[line + kw] = 0f;
            }
            Arrays.fill(cols, at + Math.max(khHi, khLo) * k, at + k * k, 0f);
          }
        }
      }
    }
  }

  /** The inverse of {@link #unroll}: each unrolled value's gradient added back where it came from. */
  private void roll(float[] dcols, int firstRow, int count, float[] dx) {
    int k = kernel;
    for (int e = 0; e < count; e++) {
      int xRow = (firstRow + e) * inSize();
      for (int oh = 0; oh < outHeight; oh++) {
        int ih0 = oh * stride - padding;
        int khLo = firstTap(ih0);
        int khHi = endTap(ih0, height);
        for (int ow = 0; ow < outWidth; ow++) {
          int iw0 = ow * stride - padding;
          int kwLo = firstTap(iw0);
          int kwHi = endTap(iw0, width);
          int col = ((e * outHeight + oh) * outWidth + ow) * field();
          for (int c = 0; c < in; c++) {
            int xPlane = xRow + c * height * width;
            int at = col + c * k * k;
            for (int kh = khLo; kh < khHi; kh++) {
              int line = at + kh * k;
              int to = xPlane + (ih0 + kh * dilation) * width + iw0;
              for (int kw = kwLo; kw < kwHi; kw++) dx[to + kw * dilation] += dcols[line + kw];
            }
          }
        }
      }
    }
  }

  private void forwardByProducts(float[] x, float[] p, int wOff, int bOff, float[] z, int rows) {
    LinearKernels kernels = KernelProvider.linear();
    Scratch s = SCRATCH.get();
    int slice = sliceRows(rows);
    float[] cols = s.cols(slice * pixels() * field());
    float[] pixelMajor = s.pixelMajor(slice * pixels() * out);
    for (int first = 0; first < rows; first += slice) {
      int count = Math.min(slice, rows - first);
      unroll(x, first, count, cols);
      kernels.linearForward(cols, p, wOff, bOff, pixelMajor, pixelMajor, count * pixels(), field(), out,
          Activation.IDENTITY);
      for (int e = 0; e < count; e++) {
        transpose(pixelMajor, e * pixels() * out, pixels(), out, z, (first + e) * outSize());
      }
    }
  }

  private void inputGradientByProducts(float[] dz, float[] p, int wOff, float[] dx, int rows) {
    LinearKernels kernels = KernelProvider.linear();
    Scratch s = SCRATCH.get();
    Arrays.fill(dx, 0, rows * inSize(), 0f);
    int slice = sliceRows(rows);
    float[] dcols = s.cols(slice * pixels() * field());
    float[] pixelMajor = s.pixelMajor(slice * pixels() * out);
    for (int first = 0; first < rows; first += slice) {
      int count = Math.min(slice, rows - first);
      for (int e = 0; e < count; e++) {
        transpose(dz, (first + e) * outSize(), out, pixels(), pixelMajor, e * pixels() * out);
      }
      kernels.linearInputGradient(pixelMajor, p, wOff, dcols, count * pixels(), field(), out);
      roll(dcols, first, count, dx);
    }
  }

  private void parameterGradientByProducts(float[] dz, float[] x, float[] g, int wOff, int bOff, int rows) {
    LinearKernels kernels = KernelProvider.linear();
    Scratch s = SCRATCH.get();
    int slice = sliceRows(rows);
    float[] cols = s.cols(slice * pixels() * field());
    float[] pixelMajor = s.pixelMajor(slice * pixels() * out);
    int size = out * field() + (bOff >= 0 ? out : 0);
    for (int first = 0; first < rows; first += slice) {
      int count = Math.min(slice, rows - first);
      unroll(x, first, count, cols);
      for (int e = 0; e < count; e++) {
        transpose(dz, (first + e) * outSize(), out, pixels(), pixelMajor, e * pixels() * out);
      }
      if (first == 0) {
        kernels.linearParameterGradient(pixelMajor, cols, g, wOff, bOff, count * pixels(), field(), out);
      } else {
        // Later slices add to what the first wrote: through a gradient of their own.
        float[] slicePart = s.gradients(size);
        kernels.linearParameterGradient(pixelMajor, cols, slicePart, 0, bOff >= 0 ? out * field() : -1,
            count * pixels(), field(), out);
        for (int i = 0; i < out * field(); i++) g[wOff + i] += slicePart[i];
        if (bOff >= 0) {
          for (int o = 0; o < out; o++) g[bOff + o] += slicePart[out * field() + o];
        }
      }
    }
  }

  /** {@code to[toOff + c·rows + r] = from[fromOff + r·cols + c]}: one [rows x cols] block, transposed. */
  private static void transpose(float[] from, int fromOff, int rows, int cols, float[] to, int toOff) {
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) to[toOff + c * rows + r] = from[fromOff + r * cols + c];
    }
  }

  /** A thread's unrolled input and pixel-major output, grown as needed and kept. */
  private static final class Scratch {
    private float[] cols = new float[0];
    private float[] pixelMajor = new float[0];
    private float[] gradients = new float[0];

    float[] cols(int n) {
      if (cols.length < n) cols = new float[n];
      return cols;
    }

    float[] pixelMajor(int n) {
      if (pixelMajor.length < n) pixelMajor = new float[n];
      return pixelMajor;
    }

    float[] gradients(int n) {
      if (gradients.length < n) gradients = new float[n];
      return gradients;
    }
  }

  @Override
  public String toString() {
    return "Conv2d(" + in + " x " + height + " x " + width + " -> " + out + " x " + outHeight + " x " + outWidth
        + ", kernel " + kernel + ", stride " + stride + ", padding " + padding + ", dilation " + dilation + ")";
  }
}
