package dev.kiln.runtime.graph;

/**
 * {@code nn.Embedding}: each token id of the member's int input picks its row of {@code weight}
 * [vocabulary x dim]; {@code paddingIndex} marks padding (-1: none), which later attention and pooling skip.
 */
public record EmbeddingOp(int vocabulary, int dim, int paddingIndex, String weight) implements Operation {
  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.embedding(this);
  }
}
