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

  int inSize() {
    return channels * height * width;
  }

  int outSize() {
    return channels * outHeight * outWidth;
  }
}
