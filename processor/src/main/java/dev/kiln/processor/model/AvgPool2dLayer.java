package dev.kiln.processor.model;

import java.util.Optional;

/** {@code @AvgPool2d}: PyTorch's {@code nn.AvgPool2d} with a square window and its divisor. */
public record AvgPool2dLayer(Origin origin, int kernel, int stride, int padding, boolean ceilMode,
    boolean countIncludePad) implements LayerKind {

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
    return Pooling.outputShape(this, context, kernel, effectiveStride(), padding, 1, ceilMode);
  }

  @Override
  public String describe(Shape input, Shape output) {
    return "AvgPool2d(" + input.text() + " -> " + output.text() + ", kernel " + kernel
        + (effectiveStride() == kernel ? "" : ", stride " + effectiveStride())
        + (padding == 0 ? "" : ", padding " + padding) + (ceilMode ? ", ceil mode" : "")
        + (countIncludePad || padding == 0 ? "" : ", padding not counted") + ")";
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitAvgPool2d(this);
  }
}
