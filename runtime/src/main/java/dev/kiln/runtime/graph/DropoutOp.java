package dev.kiln.runtime.graph;

/** {@code nn.Dropout}: the identity outside training. */
public record DropoutOp(float p) implements Operation {
  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.dropout(this);
  }
}
