package dev.kiln.runtime.graph;

/**
 * A residual join: the block's output plus its input, which is the input of the block's first layer,
 * {@code from} ({@code block1.conv1}). The member's activation, if any, is the step after this one.
 */
public record ResidualAddOp(String from) implements Operation {
  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.residualAdd(this);
  }
}
