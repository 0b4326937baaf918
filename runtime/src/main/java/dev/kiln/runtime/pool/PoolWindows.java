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
  /** For each output row, the first tap inside the input and one past the last: worked out once, not per window. */
  final int[] firstRowTap;
  final int[] endRowTap;
  /** The same for each output column. */
  final int[] firstColumnTap;
  final int[] endColumnTap;
  /** The output columns [firstWholeColumn, endWholeColumn) whose windows lie wholly inside the input's columns. */
  final int firstWholeColumn;
  final int endWholeColumn;

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
    this.firstRowTap = new int[outHeight];
    this.endRowTap = new int[outHeight];
    for (int oh = 0; oh < outHeight; oh++) {
      firstRowTap[oh] = firstTap(oh * stride - padding);
      endRowTap[oh] = endTap(oh * stride - padding, height);
    }
    this.firstColumnTap = new int[outWidth];
    this.endColumnTap = new int[outWidth];
    for (int ow = 0; ow < outWidth; ow++) {
      firstColumnTap[ow] = firstTap(ow * stride - padding);
      endColumnTap[ow] = endTap(ow * stride - padding, width);
    }
    int first = 0;
    while (first < outWidth && !whole(firstColumnTap[first], endColumnTap[first])) first++;
    int end = first;
    while (end < outWidth && whole(firstColumnTap[end], endColumnTap[end])) end++;
    this.firstWholeColumn = first;
    this.endWholeColumn = end;
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
  /** Whether a window's taps [first, end) along one axis are all of the kernel's. */
  boolean whole(int first, int end) {
    return first == 0 && end == kernel;
  }

  private int firstTap(int start) {
    return start >= 0 ? 0 : Math.min(kernel, (-start + dilation - 1) / dilation);
  }

  /** One past the last tap of a window starting at {@code start} whose index is below {@code size}. */
  private int endTap(int start, int size) {
    return start >= size ? 0 : Math.min(kernel, (size - 1 - start) / dilation + 1);
  }

  int inSize() {
    return channels * height * width;
  }

  int outSize() {
    return channels * outHeight * outWidth;
  }
}
