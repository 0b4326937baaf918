package dev.kiln.processor.model;

import dev.kiln.processor.model.TensorDecl.Dim;
import dev.kiln.processor.model.TensorDecl.Init;
import dev.kiln.processor.validation.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code @LayerNorm}: PyTorch's {@code nn.LayerNorm} over all of an example's values, a vector's
 * features or a feature map's C x H x W, with a weight and bias of that shape; on a sequence, over each
 * position's values, {@code nn.LayerNorm(dim)}.
 */
public record LayerNormLayer(Origin origin, float eps, boolean elementwiseAffine) implements LayerKind {

  @Override
  public Stage stage() {
    return Stage.TRANSFORM;
  }

  @Override
  public Optional<Shape> outputShape(ShapeContext context) {
    if (context.input().isEmpty()) {
      if (context.first()) {
        context.report(this, null, Message.NORM_WITHOUT_INPUT, annotationName(), context.member().name());
      }
      return Optional.empty();
    }
    long normalised = context.input().get() instanceof Shape.Sequence sequence ? sequence.dim()
        : context.input().get().size();
    if (normalised == 1) {
      context.report(this, null, Message.LAYER_NORM_OF_ONE, annotationName(), context.member().name(),
          annotationName());
    }
    return context.input();
  }

  @Override
  public List<TensorDecl> tensors(Shape input, Shape output) {
    if (!elementwiseAffine) return List.of();
    Dim[] dims = input instanceof Shape.Maps m
        ? new Dim[] {new Dim("CHANNELS", m.channels()), new Dim("HEIGHT", m.height()), new Dim("WIDTH", m.width())}
        : input instanceof Shape.Sequence s ? new Dim[] {new Dim("POSITION_IN", s.dim())}
        : new Dim[] {new Dim("FEATURES", input.size())};
    List<TensorDecl> tensors = new ArrayList<>();
    tensors.add(TensorDecl.trainable("weight", "WEIGHT", Init.constant(1), dims));
    tensors.add(TensorDecl.trainable("bias", "BIAS", Init.constant(0), dims));
    return tensors;
  }

  @Override
  public boolean needsInput() {
    return true;
  }

  @Override
  public boolean computesNewPositionsOnly() {
    return true;
  }

  @Override
  public String describe(Shape input, Shape output) {
    String over = input instanceof Shape.Sequence s ? s.dim() + " per position" : input.text();
    return annotationName() + "(" + over + (eps != 1e-5f ? ", eps " + eps : "")
        + (elementwiseAffine ? "" : ", no affine") + ")";
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitLayerNorm(this);
  }
}
