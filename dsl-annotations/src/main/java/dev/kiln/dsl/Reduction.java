package dev.kiln.dsl;

/** PyTorch's {@code reduction} argument. */
public enum Reduction {
  /**
   * The mean: over the batch for class losses (weighted by the targets' class weights when there are
   * any), over every element for element-wise losses.
   */
  MEAN,
  /** The sum over the batch. */
  SUM,
  /** The sum divided by the number of rows: the definition of the KL divergence, for {@code KL_DIV}. */
  BATCHMEAN
}
