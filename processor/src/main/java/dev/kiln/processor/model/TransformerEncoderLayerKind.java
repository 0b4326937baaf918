package dev.kiln.processor.model;

import dev.kiln.processor.model.TensorDecl.Dim;
import dev.kiln.processor.model.TensorDecl.Init;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code @TransformerEncoderLayer}: {@code nn.TransformerEncoderLayer(batch_first=True)} on a sequence.
 *
 * @param gelu whether the feed-forward activation is GELU (else ReLU)
 */
public record TransformerEncoderLayerKind(Origin origin, int heads, int feedforward, float dropout, boolean gelu,
    boolean normFirst, float eps, boolean causal) implements LayerKind {
  @Override
  public Stage stage() {
    return Stage.TRANSFORM;
  }

  @Override
  public Optional<Shape> outputShape(ShapeContext context) {
    Optional<Shape> sequence = Attention.sequence(this, context, heads);
    return feedforward < 1 ? Optional.empty() : sequence;
  }

  @Override
  public List<TensorDecl> tensors(Shape input, Shape output) {
    long dim = ((Shape.Sequence) input).dim();
    Dim in = new Dim("DIM", dim);
    Dim hidden = new Dim("FEEDFORWARD", feedforward);
    List<TensorDecl> tensors = new ArrayList<>(Attention.tensors("self_attn.", "SELF_ATTN_", dim, true));
    tensors.add(TensorDecl.trainable("linear1.weight", "LINEAR1_WEIGHT", Init.uniformFanIn(in), hidden, in));
    tensors.add(TensorDecl.trainable("linear1.bias", "LINEAR1_BIAS", Init.uniformFanIn(in), hidden));
    tensors.add(TensorDecl.trainable("linear2.weight", "LINEAR2_WEIGHT", Init.uniformFanIn(hidden), in, hidden));
    tensors.add(TensorDecl.trainable("linear2.bias", "LINEAR2_BIAS", Init.uniformFanIn(hidden), in));
    for (String norm : List.of("norm1", "norm2")) {
      String constant = norm.toUpperCase(java.util.Locale.ROOT);
      tensors.add(TensorDecl.trainable(norm + ".weight", constant + "_WEIGHT", Init.constant(1), in));
      tensors.add(TensorDecl.trainable(norm + ".bias", constant + "_BIAS", Init.constant(0), in));
    }
    return tensors;
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
    return "TransformerEncoderLayer(" + input.text() + ", " + heads + " heads, feedforward " + feedforward
        + (gelu ? ", GELU" : "") + (normFirst ? ", norm first" : "") + (causal ? ", causal" : "")
        + (dropout > 0 ? ", dropout " + dropout : "") + (eps != 1e-5f ? ", eps " + eps : "") + ")";
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitTransformerEncoderLayer(this);
  }
}
