package dev.kiln.onnx;

/**
 * A pooling window along one spatial axis, with PyTorch's output size. ONNX's {@code ceil_mode}
 * counts one window more than PyTorch where the last would start in the right padding, so the export
 * never sets it: it pads the end instead, by {@link #endPadding}, which gives PyTorch's count with
 * {@code ceil_mode = 0}.
 */
record PoolWindow(int size, int kernel, int stride, int padding, int dilation, boolean ceilMode) {
  /** PyTorch's output size, the last window dropped in ceil mode if it would start in the right padding. */
  int outputSize() {
    int span = size + 2 * padding - dilation * (kernel - 1) - 1;
    int out = (ceilMode ? Math.floorDiv(span + stride - 1, stride) : Math.floorDiv(span, stride)) + 1;
    if (ceilMode && (out - 1) * stride >= size + padding) out--;
    return out;
  }

  /** The padding after the input that makes ONNX's floor count PyTorch's windows: at least {@link #padding}. */
  int endPadding() {
    return Math.max(padding, (outputSize() - 1) * stride + dilation * (kernel - 1) + 1 - size - padding);
  }

  /** Whether windows run past the right padding, as only ceil mode's last window does. */
  boolean extended() {
    return endPadding() > padding;
  }
}
