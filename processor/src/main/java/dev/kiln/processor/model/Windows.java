package dev.kiln.processor.model;

import dev.kiln.processor.validation.Message;

/**
 * The sizes of sliding windows (convolution and pooling) along one dimension, as PyTorch computes them,
 * with the problems a window can have there reported on the kind that slides it.
 */
final class Windows {
  private Windows() {}

  /**
   * PyTorch's output size along one dimension, or 0 after reporting a window that does not fit the
   * padded input; warns when a stride leaves the last values of the input unused.
   */
  static long outputSize(LayerKind kind, ShapeContext context, Shape.Maps maps, long size, String dimension,
      int kernel, int stride, int padding, int dilation) {
    return outputSize(kind, context, maps, size, dimension, kernel, stride, padding, dilation, false);
  }

  /** {@link #outputSize} with PyTorch's pooling rule for {@code ceilMode}. */
  static long outputSize(LayerKind kind, ShapeContext context, Shape.Maps maps, long size, String dimension,
      int kernel, int stride, int padding, int dilation, boolean ceilMode) {
    long span = (long) dilation * (kernel - 1) + 1;
    String name = context.member().name();
    if (span > size + 2L * padding) {
      context.report(kind, kind.origin().value("kernel"), Message.KERNEL_LARGER_THAN_INPUT, kind.annotationName(),
          name, span, kernel, dilation, dimension, size, padding, maps.text());
      return 0;
    }
    long outputs = (size + 2L * padding - span + (ceilMode ? stride - 1 : 0)) / stride + 1;
    if (ceilMode && (outputs - 1) * stride >= size + padding) {
      outputs--; // PyTorch: the last window starts inside the input or its left padding
    }
    long lastRead = (outputs - 1) * stride - padding + span - 1;
    long unused = size - 1 - lastRead;
    if (unused > 0) {
      context.report(kind, kind.origin().writtenOrNull("stride"), Message.UNCOVERED_INPUT, kind.annotationName(),
          stride, name, unused, (dimension.equals("height") ? "row" : "column") + (unused == 1 ? "" : "s"),
          maps.text());
    }
    return outputs;
  }
}
