package dev.kiln.processor.model;

import java.util.Optional;

/** {@code @MaxPool2d}: PyTorch's {@code nn.MaxPool2d} with a square window. */
public record MaxPool2dLayer(Origin origin, int kernel, int stride, int padding, int dilation, boolean ceilMode)
    implements LayerKind {

  /** The stride it slides by: the kernel size when not given. */
  public int effectiveStride() {
    return Pooling.stride(stride, kernel);
  }

  @Override
  public Stage stage() {
    return Stage.TRANSFORM;
  }

  @Override
  public Optional<Shape> outputShape(ShapeContext context) {
    return Pooling.outputShape(this, context, kernel, effectiveStride(), padding, dilation, ceilMode);
  }

  @Override
  public String describe(Shape input, Shape output) {
    return "MaxPool2d(" + input.text() + " -> " + output.text() + ", kernel " + kernel
        + (effectiveStride() == kernel ? "" : ", stride " + effectiveStride())
        + (padding == 0 ? "" : ", padding " + padding) + (dilation == 1 ? "" : ", dilation " + dilation)
        + (ceilMode ? ", ceil mode" : "") + ")";
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitMaxPool2d(this);
  }
}
