package dev.kiln.processor.model;

import dev.kiln.processor.model.TensorDecl.Dim;
import dev.kiln.processor.model.TensorDecl.Init;
import java.util.List;
import java.util.Optional;

/** {@code @PositionEmbedding}: a learned table [length x dim] added to a sequence. */
public record PositionEmbeddingLayer(Origin origin) implements LayerKind {
  @Override
  public Stage stage() {
    return Stage.TRANSFORM;
  }

  @Override
  public Optional<Shape> outputShape(ShapeContext context) {
    return Sequences.required(this, context).map(Shape.class::cast);
  }

  @Override
  public List<TensorDecl> tensors(Shape input, Shape output) {
    Shape.Sequence sequence = (Shape.Sequence) input;
    Dim dim = new Dim("DIM", sequence.dim());
    return List.of(TensorDecl.trainable("weight", "WEIGHT", Init.normal(-1, dim), new Dim("LENGTH", sequence.length()),
        dim));
  }

  @Override
  public boolean computesNewPositionsOnly() {
    return true;
  }

  @Override
  public String describe(Shape input, Shape output) {
    return "PositionEmbedding(" + input.text() + ")";
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitPositionEmbedding(this);
  }
}
