package dev.kiln.runtime.graph;

/** {@code nn.AvgPool2d} with a square window, dividing as PyTorch does for {@code countIncludePad}. */
public record AvgPool2dOp(int kernel, int stride, int padding, boolean ceilMode, boolean countIncludePad)
    implements Operation {
  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.avgPool2d(this);
  }
}
