package dev.kiln.processor.model;

import dev.kiln.processor.model.TensorDecl.Dim;
import dev.kiln.processor.model.TensorDecl.Init;
import java.util.List;
import java.util.Optional;

/** {@code @PReLU}: a learnable slope for negative inputs, one for all features or one per feature. */
public record PReluLayer(Origin origin, boolean perFeature, float init) implements LayerKind {
  @Override
  public Stage stage() {
    return Stage.ACTIVATION;
  }

  @Override
  public Optional<Shape> outputShape(ShapeContext context) {
    if (perFeature && Sequences.refused(this, context)) {
      return Optional.empty();
    }
    return context.input();
  }

  /** How many slopes it learns for {@code input}: one, or one per feature, or per channel of feature maps. */
  public long slopes(Shape input) {
    if (!perFeature) return 1;
    return input instanceof Shape.Maps maps ? maps.channels() : input.size();
  }

  /** How many values of a row each slope covers: a channel's height x width for maps, else 1. */
  public long valuesPerSlope(Shape input) {
    return perFeature && input instanceof Shape.Maps maps ? maps.height() * maps.width() : 1;
  }

  @Override
  public List<TensorDecl> tensors(Shape input, Shape output) {
    return List.of(TensorDecl.trainable("weight", "PRELU", Init.constant(init), new Dim("PRELU_SIZE", slopes(input)))
        .withNote("the PReLU's slopes"));
  }

  @Override
  public boolean needsInput() {
    return true;
  }

  @Override
  public String describe(Shape input, Shape output) {
    return annotationName() + (perFeature ? "(per feature)" : "");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitPRelu(this);
  }
}
