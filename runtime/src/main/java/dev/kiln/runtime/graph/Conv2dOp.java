package dev.kiln.runtime.graph;

/**
 * {@code nn.Conv2d} with a square kernel, zero padding on every side and one group: the weight
 * [out x in x kernel x kernel]; {@code bias} null when there is none.
 */
public record Conv2dOp(int in, int out, int kernel, int stride, int padding, int dilation, String weight,
    String bias) implements Operation {
  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.conv2d(this);
  }
}
