package dev.kiln.processor.model;

import java.util.List;
import java.util.Optional;

/** {@code @SelfAttention}: {@code nn.MultiheadAttention} as self-attention on a sequence. */
public record SelfAttentionLayer(Origin origin, int heads, float dropout, boolean bias, boolean causal)
    implements LayerKind {
  @Override
  public Stage stage() {
    return Stage.TRANSFORM;
  }

  @Override
  public Optional<Shape> outputShape(ShapeContext context) {
    return Attention.sequence(this, context, heads);
  }

  @Override
  public List<TensorDecl> tensors(Shape input, Shape output) {
    return Attention.tensors("", "", ((Shape.Sequence) input).dim(), bias);
  }

  @Override
  public boolean needsInput() {
    return true;
  }

  @Override
  public boolean drops() {
    return dropout > 0;
  }

  @Override
  public boolean masksLaterPositions() {
    return causal;
  }

  @Override
  public boolean computesNewPositionsOnly() {
    return causal;
  }

  @Override
  public String describe(Shape input, Shape output) {
    return "SelfAttention(" + input.text() + ", " + heads + " heads" + (causal ? ", causal" : "")
        + (bias ? "" : ", no bias") + (dropout > 0 ? ", dropout " + dropout : "") + ")";
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitSelfAttention(this);
  }
}
