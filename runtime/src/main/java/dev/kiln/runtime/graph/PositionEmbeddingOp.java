package dev.kiln.runtime.graph;

/** A learned position table {@code weight} [length x dim] added to every sequence of the batch. */
public record PositionEmbeddingOp(int length, int dim, String weight) implements Operation {
  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.positionEmbedding(this);
  }
}
