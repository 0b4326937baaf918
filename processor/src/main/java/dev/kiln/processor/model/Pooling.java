package dev.kiln.processor.model;

import dev.kiln.processor.validation.Message;
import java.util.Optional;

/** What both pools check of what they receive, and the shape they give: PyTorch's rules for 2-D pooling. */
final class Pooling {
  private Pooling() {}

  /** The stride as PyTorch takes it: not given means the kernel size. */
  static int stride(int stride, int kernel) {
    return stride == 0 ? kernel : stride;
  }

  static Optional<Shape> outputShape(LayerKind kind, ShapeContext context, int kernel, int stride, int padding,
      int dilation, boolean ceilMode) {
    String name = context.member().name();
    if (context.input().isEmpty()) {
      if (context.first()) {
        context.report(kind, null, Message.MAPS_WITHOUT_INPUT, kind.annotationName(), name);
      }
      return Optional.empty();
    }
    if (context.input().get() instanceof Shape.Sequence sequence) {
      context.report(kind, null, Message.MAPS_ON_SEQUENCE, kind.annotationName(), name, sequence.text());
      return Optional.empty();
    }
    if (!(context.input().get() instanceof Shape.Maps maps)) {
      context.report(kind, null, Message.MAPS_AFTER_FLAT, kind.annotationName(), name, context.input().get().size());
      return Optional.empty();
    }
    if (kernel < 1 || stride < 1 || dilation < 1 || padding < 0) {
      return Optional.empty(); // the reader reported it
    }
    if (padding > kernel / 2) {
      context.report(kind, kind.origin().value("padding"), Message.POOL_PADDING_TOO_LARGE, kind.annotationName(),
          padding, name, kernel, kernel / 2);
      return Optional.empty();
    }
    long height = Windows.outputSize(kind, context, maps, maps.height(), "height", kernel, stride, padding, dilation,
        ceilMode);
    if (height < 1) {
      return Optional.empty();
    }
    long width = Windows.outputSize(kind, context, maps, maps.width(), "width", kernel, stride, padding, dilation,
        ceilMode);
    return width < 1 ? Optional.empty() : Optional.of(new Shape.Maps(maps.channels(), height, width));
  }
}
