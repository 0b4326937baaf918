package dev.kiln.runtime.graph;

/** {@code nn.PReLU}: one slope, or one per feature or channel (the input's dimension 1). */
public record PReluOp(int slopes, String weight) implements Operation {
  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.prelu(this);
  }
}
