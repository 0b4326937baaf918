package dev.kiln.runtime.graph;

/**
 * A sequence [length x dim] to [dim]: {@code FIRST}, {@code MEAN} or {@code MAX} over the positions that
 * are not padding ({@code padded}: the model's padding mask applies).
 */
public record SequencePoolOp(String mode, int length, int dim, boolean padded) implements Operation {
  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.sequencePool(this);
  }
}
