package dev.kiln.runtime.graph;

/**
 * {@code nn.LayerNorm} over every value of an example (a vector's features, or C, H and W of feature
 * maps); {@code weight} and {@code bias}, shaped as the example, are null without elementwise affine.
 */
public record LayerNormOp(float eps, String weight, String bias) implements Operation {
  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.layerNorm(this);
  }
}
