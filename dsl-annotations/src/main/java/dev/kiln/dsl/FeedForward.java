package dev.kiln.dsl;

/** The activation of a Transformer encoder layer's feed-forward block, as PyTorch's {@code activation} names it. */
public enum FeedForward {
  /** {@code "relu"}, PyTorch's default. */
  RELU,
  /** {@code "gelu"}: the exact GELU, with the normal CDF. */
  GELU
}
