package dev.kiln.runtime.graph;

/** {@code nn.MaxPool2d} with a square window; padding counts as -∞. */
public record MaxPool2dOp(int kernel, int stride, int padding, int dilation, boolean ceilMode)
    implements Operation {
  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.maxPool2d(this);
  }
}
