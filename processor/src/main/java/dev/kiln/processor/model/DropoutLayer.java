package dev.kiln.processor.model;

import java.util.Optional;

/** {@code @Dropout(p)}: inverted dropout while training, nothing at inference. */
public record DropoutLayer(Origin origin, float p) implements LayerKind {
  @Override
  public Stage stage() {
    return Stage.DROPOUT;
  }

  @Override
  public Optional<Shape> outputShape(ShapeContext context) {
    return context.input();
  }

  @Override
  public boolean keepsValues() {
    return true;
  }

  @Override
  public boolean computesNewPositionsOnly() {
    return true;
  }

  @Override
  public String describe(Shape input, Shape output) {
    return annotationName() + "(" + p + ")";
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitDropout(this);
  }
}
