package dev.kiln.processor.model;

import java.util.Optional;

/**
 * {@code @SequencePool}: a sequence [length x dim] to a vector [dim].
 *
 * @param mode {@code FIRST}, {@code MEAN} or {@code MAX}, as {@code SequencePooling} names them
 */
public record SequencePoolLayer(Origin origin, String mode) implements LayerKind {
  @Override
  public Stage stage() {
    return Stage.TRANSFORM;
  }

  @Override
  public Optional<Shape> outputShape(ShapeContext context) {
    return Sequences.required(this, context).map(s -> Shape.features(s.dim()));
  }

  @Override
  public boolean needsOnlyTheFirstPosition() {
    return mode.equals("FIRST");
  }

  @Override
  public boolean keepsValues() {
    return true;
  }

  @Override
  public String describe(Shape input, Shape output) {
    return "SequencePool(" + mode + ", " + input.text() + " -> " + output.text() + ")";
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitSequencePool(this);
  }
}
