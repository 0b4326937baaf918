package dev.kiln.runtime.graph;

/**
 * {@code nn.TransformerEncoderLayer(batch_first=True)} on [length x dim]: its attention (as a
 * {@link SelfAttentionOp}), feed-forward width and activation, norm placement and eps, and the state-dict
 * prefix of its twelve tensors ({@code layer0.}), under which they keep PyTorch's names.
 */
public record TransformerEncoderLayerOp(SelfAttentionOp attention, int feedforward, boolean gelu, boolean normFirst,
    float eps, String prefix) implements Operation {
  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.transformerEncoderLayer(this);
  }
}
