package dev.kiln.runtime.pool;

/** The geometry both pools share: where each window starts, and how many there are, as PyTorch counts them. */
final class PoolWindows {
  final int channels;
  final int height;
  final int width;
  final int kernel;
  final int stride;
  final int padding;
  final int dilation;
  final int outHeight;
  final int outWidth;

  PoolWindows(int channels, int height, int width, int kernel, int stride, int padding, int dilation,
      boolean ceilMode) {
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.kernel = kernel;
    this.stride = stride;
    this.padding = padding;
    this.dilation = dilation;
    this.outHeight = outputSize(height, kernel, stride, padding, dilation, ceilMode);
    this.outWidth = outputSize(width, kernel, stride, padding, dilation, ceilMode);
  }

  /**
   * PyTorch's {@code pooling_output_shape}: in ceil mode a last, partial window counts, unless it would
   * start beyond the input and its left padding.
   */
  static int outputSize(int size, int kernel, int stride, int padding, int dilation, boolean ceilMode) {
    int outputs = Math.floorDiv(size + 2 * padding - dilation * (kernel - 1) - 1 + (ceilMode ? stride - 1 : 0),
        stride) + 1;
    if (ceilMode && (outputs - 1) * stride >= size + padding) {
      outputs--;
    }
    return outputs;
  }

  /** The first tap of a window starting at {@code start} whose index {@code start + tap·dilation} is at least 0. */
  int firstTap(int start) {
    return start >= 0 ? 0 : Math.min(kernel, (-start + dilation - 1) / dilation);
  }

  /** One past the last tap of a window starting at {@code start} whose index is below {@code size}. */
  int endTap(int start, int size) {
    return start >= size ? 0 : Math.min(kernel, (size - 1 - start) / dilation + 1);
  }

  int inSize() {
    return channels * height * width;
  }

  int outSize() {
    return channels * outHeight * outWidth;
  }
}
