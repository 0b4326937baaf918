package dev.kiln.runtime.graph;

/** {@code nn.Linear}: {@code y = x · weightᵀ + bias}, the weight [out x in]; {@code bias} null when there is none. */
public record LinearOp(int in, int out, String weight, String bias) implements Operation {
  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.linear(this);
  }
}
