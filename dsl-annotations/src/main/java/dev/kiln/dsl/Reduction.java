package dev.kiln.dsl;

/** PyTorch's {@code reduction} argument. */
public enum Reduction {
  /** The mean over the batch (over elements for element-wise losses). */
  MEAN,
  /** The sum over the batch. */
  SUM
}
