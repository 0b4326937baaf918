package dev.kiln.runtime.graph;

/** {@code nn.Flatten}: each example's feature maps as one vector, in C-H-W order. */
public record FlattenOp() implements Operation {
  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.flatten(this);
  }
}
