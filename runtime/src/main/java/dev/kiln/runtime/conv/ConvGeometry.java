package dev.kiln.runtime.conv;

/**
 * The shapes of one {@code nn.Conv2d} with a square kernel: the input [in, height, width] of each
 * example, the output [out, outHeight, outWidth], and where each kernel tap reads.
 */
record ConvGeometry(int in, int height, int width, int out, int kernel, int stride, int padding, int dilation) {

  /** PyTorch's output size: {@code floor((size + 2·padding - dilation·(kernel - 1) - 1) / stride) + 1}. */
  static int outputSize(int size, int kernel, int stride, int padding, int dilation) {
    return Math.floorDiv(size + 2 * padding - dilation * (kernel - 1) - 1, stride) + 1;
  }

  int outHeight() {
    return outputSize(height, kernel, stride, padding, dilation);
  }

  int outWidth() {
    return outputSize(width, kernel, stride, padding, dilation);
  }

  /** Values per example of the input. */
  int inSize() {
    return in * height * width;
  }

  /** Output pixels per channel. */
  int pixels() {
    return outHeight() * outWidth();
  }

  /** Values per example of the output. */
  int outSize() {
    return out * pixels();
  }

  /** Values of one output pixel's receptive field: the length of a row of the weight. */
  int field() {
    return in * kernel * kernel;
  }

  /** Values of the weight [out, in, kernel, kernel]. */
  int weightSize() {
    return out * field();
  }

  /**
   * The first output position along a row (or column) whose tap {@code tap} reads inside the input,
   * that is with {@code position·stride - padding + tap·dilation >= 0}.
   */
  int firstInside(int tap) {
    int start = padding - tap * dilation;
    return start <= 0 ? 0 : (start + stride - 1) / stride;
  }

  /** One past the last output position, of {@code outSize}, whose tap reads inside an input of {@code size}. */
  int endInside(int tap, int size, int outSize) {
    int last = size - 1 + padding - tap * dilation;
    return last < 0 ? 0 : Math.min(outSize, last / stride + 1);
  }
}
