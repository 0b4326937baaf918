package dev.kiln.runtime.graph;

/**
 * {@code nn.MultiheadAttention(batch_first=True)} as self-attention on [length x dim], with the model's
 * padding mask ({@code padded}) and, when {@code causal}, the upper-triangular mask. Its tensors' state-dict
 * names; the biases are null without bias.
 */
public record SelfAttentionOp(int length, int dim, int heads, boolean causal, boolean padded, String inProjWeight,
    String inProjBias, String outProjWeight, String outProjBias) implements Operation {
  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.selfAttention(this);
  }
}
