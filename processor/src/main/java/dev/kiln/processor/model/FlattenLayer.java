package dev.kiln.processor.model;

import dev.kiln.processor.validation.Message;
import java.util.Optional;

/** {@code @Flatten}: feature maps become one vector of features, in PyTorch's C-H-W order. */
public record FlattenLayer(Origin origin) implements LayerKind {
  @Override
  public Stage stage() {
    return Stage.TRANSFORM;
  }

  @Override
  public Optional<Shape> outputShape(ShapeContext context) {
    if (context.input().isEmpty()) {
      if (context.first()) {
        context.report(this, null, Message.MAPS_WITHOUT_INPUT, annotationName(), context.member().name());
      }
      return Optional.empty();
    }
    Shape input = context.input().get();
    if (input instanceof Shape.Maps maps) {
      return Optional.of(new Shape.Features(maps.size(), maps));
    }
    if (input instanceof Shape.Sequence) {
      return Optional.of(Shape.features(input.size()));
    }
    context.report(this, null, Message.FLATTEN_ON_FLAT, annotationName(), context.member().name(), input.size());
    return Optional.of(input);
  }

  @Override
  public boolean writesOutput() {
    return false;
  }

  @Override
  public boolean keepsValues() {
    return true;
  }

  @Override
  public String describe(Shape input, Shape output) {
    return annotationName() + "(" + input.text() + " -> " + output.text() + ")";
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitFlatten(this);
  }
}
