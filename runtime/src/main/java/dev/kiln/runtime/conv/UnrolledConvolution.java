package dev.kiln.runtime.conv;

import dev.kiln.runtime.kernel.MatrixKernels;
import java.util.Arrays;

/**
 * Convolution as matrix products over the input unrolled channel-major, as Caffe lays it out: row
 * {@code (c·k + kh)·k + kw} of the unrolled slice holds what that tap reads for every output pixel of
 * the slice's examples, so the output pixels, the long dimension, are the one the vectors run along, and
 * the product {@code W[out x field] · cols[field x pixels]} comes out already in NCHW order. With stride 1
 * each unrolled line is one copy of an input line.
 *
 * <p>Each thread unrolls a slice of its examples at a time, small enough to stay in its core's cache,
 * into scratch of its own.
 */
final class UnrolledConvolution extends SplitConvolution {
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private final MatrixKernels kernels;
  private final int sliceFloats;
  private final int outWidth;
  private final int pixels;
  private final int field;

  /**
   * @param sliceFloats about the most floats a slice's unrolled input and product may take
   */
  UnrolledConvolution(ConvGeometry geometry, MatrixKernels kernels, int threads, int sliceFloats) {
    super(geometry, threads);
    this.kernels = kernels;
    this.sliceFloats = sliceFloats;
    this.outWidth = geometry.outWidth();
    this.pixels = geometry.pixels();
    this.field = geometry.field();
  }

  @Override
  int slice() {
    return Math.max(1, sliceFloats / (pixels * (field + g.out())));
  }

  /** {@code z = W · cols + b}. */
  @Override
  void forward(float[] x, float[] p, int wOff, int bOff, float[] z, int first, int count) {
    Scratch s = SCRATCH.get();
    int out = g.out();
    int n = count * pixels;
    float[] cols = s.cols(field * n);
    float[] product = s.product(out * n);
    unroll(x, first, count, cols);
    kernels.multiply(out, n, field, p, wOff, field, 1, cols, 0, n, product, 0, n);
    for (int e = 0; e < count; e++) {
      for (int o = 0; o < out; o++) {
        float bias = bOff >= 0 ? p[bOff + o] : 0f;
        int from = o * n + e * pixels;
        int to = (first + e) * g.outSize() + o * pixels;
        for (int j = 0; j < pixels; j++) z[to + j] = product[from + j] + bias;
      }
    }
  }

  /** {@code dcols = Wᵀ · dz}, then each unrolled value's gradient added back where it was read. */
  @Override
  void inputGradient(float[] dz, float[] p, int wOff, float[] dx, int first, int count) {
    Scratch s = SCRATCH.get();
    int n = count * pixels;
    float[] channelMajor = s.product(g.out() * n);
    float[] dcols = s.cols(field * n);
    gather(dz, first, count, channelMajor);
    kernels.multiply(field, n, g.out(), p, wOff, 1, field, channelMajor, 0, n, dcols, 0, n);
    Arrays.fill(dx, first * g.inSize(), (first + count) * g.inSize(), 0f);
    roll(dcols, first, count, dx);
  }

  /** {@code dW += dz · colsᵀ} and {@code db += Σ dz}. */
  @Override
  void addParameterGradient(float[] dz, float[] x, float[] sums, int wAt, int bAt, int first, int count) {
    Scratch s = SCRATCH.get();
    int out = g.out();
    int weights = g.weightSize();
    int n = count * pixels;
    float[] cols = s.cols(field * n);
    float[] channelMajor = s.product(out * n);
    float[] part = s.part(weights);
    unroll(x, first, count, cols);
    gather(dz, first, count, channelMajor);
    kernels.multiplyRows(out, field, n, channelMajor, cols, part);
    for (int i = 0; i < weights; i++) sums[wAt + i] += part[i];
    if (bAt >= 0) {
      for (int o = 0; o < out; o++) {
        float sum = 0f;
        for (int j = o * n, end = j + n; j < end; j++) sum += channelMajor[j];
        sums[bAt + o] += sum;
      }
    }
  }

  /** {@code channelMajor[o][e·pixels + j] = dz[first + e][o][j]}: a slice's gradients, channel by channel. */
  private void gather(float[] dz, int first, int count, float[] channelMajor) {
    int n = count * pixels;
    for (int e = 0; e < count; e++) {
      for (int o = 0; o < g.out(); o++) {
        System.arraycopy(dz, (first + e) * g.outSize() + o * pixels, channelMajor, o * n + e * pixels, pixels);
      }
    }
  }

  /**
   * {@code cols[(c·k + kh)·k + kw][e·pixels + oh·outWidth + ow]} = the input that tap reads for that
   * output pixel of example {@code first + e}, or 0 in the padding.
   */
  private void unroll(float[] x, int first, int count, float[] cols) {
    int k = g.kernel();
    int n = count * pixels;
    int outHeight = g.outHeight();
    int stride = g.stride();
    for (int c = 0; c < g.in(); c++) {
      for (int kh = 0; kh < k; kh++) {
        int ohLo = Math.min(g.firstInside(kh), outHeight);
        int ohHi = Math.max(ohLo, g.endInside(kh, g.height(), outHeight));
        for (int kw = 0; kw < k; kw++) {
          int owLo = Math.min(g.firstInside(kw), outWidth);
          int owHi = Math.max(owLo, g.endInside(kw, g.width(), outWidth));
          int row = ((c * k + kh) * k + kw) * n;
          int shift = kw * g.dilation() - g.padding();
          for (int e = 0; e < count; e++) {
            int to = row + e * pixels;
            zero(cols, to, to + ohLo * outWidth);
            int xLine = (first + e) * g.inSize() + c * g.height() * g.width()
                + (ohLo * stride - g.padding() + kh * g.dilation()) * g.width() + shift;
            for (int oh = ohLo, line = to + ohLo * outWidth; oh < ohHi; oh++, line += outWidth, xLine += stride * g.width()) {
              // Short lines are copied in a plain loop, which costs less than a call at these lengths.
              for (int ow = 0; ow < owLo; ow++) cols[line + ow] = 0f;
              if (stride == 1) {
                for (int ow = owLo; ow < owHi; ow++) cols[line + ow] = x[xLine + ow];
              } else {
                for (int ow = owLo; ow < owHi; ow++) cols[line + ow] = x[xLine + ow * stride];
              }
              for (int ow = owHi; ow < outWidth; ow++) cols[line + ow] = 0f;
            }
            zero(cols, to + ohHi * outWidth, to + pixels);
          }
        }
      }
    }
  }

  private static void zero(float[] a, int from, int to) {
    for (int i = from; i < to; i++) a[i] = 0f;
  }

  /** The inverse of {@link #unroll}: each unrolled value's gradient added to the input it was read from. */
  private void roll(float[] dcols, int first, int count, float[] dx) {
    int k = g.kernel();
    int n = count * pixels;
    int outHeight = g.outHeight();
    for (int c = 0; c < g.in(); c++) {
      for (int kh = 0; kh < k; kh++) {
        int ohLo = Math.min(g.firstInside(kh), outHeight);
        int ohHi = Math.max(ohLo, g.endInside(kh, g.height(), outHeight));
        for (int kw = 0; kw < k; kw++) {
          int owLo = Math.min(g.firstInside(kw), outWidth);
          int owHi = Math.max(owLo, g.endInside(kw, g.width(), outWidth));
          int row = ((c * k + kh) * k + kw) * n;
          int shift = kw * g.dilation() - g.padding();
          for (int e = 0; e < count; e++) {
            int xPlane = (first + e) * g.inSize() + c * g.height() * g.width();
            for (int oh = ohLo; oh < ohHi; oh++) {
              int line = row + e * pixels + oh * outWidth;
              int xLine = xPlane + (oh * g.stride() - g.padding() + kh * g.dilation()) * g.width();
              if (g.stride() == 1) {
                int at = xLine + shift;
                for (int ow = owLo; ow < owHi; ow++) dx[at + ow] += dcols[line + ow];
              } else {
                for (int ow = owLo; ow < owHi; ow++) dx[xLine + ow * g.stride() + shift] += dcols[line + ow];
              }
            }
          }
        }
      }
    }
  }

  /** A thread's unrolled slice, channel-major product and partial sums, grown as needed and kept. */
  private static final class Scratch {
    private float[] cols = new float[0];
    private float[] product = new float[0];
    private float[] part = new float[0];

    float[] cols(int n) {
      if (cols.length < n) cols = new float[n];
      return cols;
    }

    float[] product(int n) {
      if (product.length < n) product = new float[n];
      return product;
    }

    float[] part(int n) {
      if (part.length < n) part = new float[n];
      return part;
    }
  }
}
