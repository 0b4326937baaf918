package dev.kiln.runtime.loss;

/** A loss whose targets have the output's shape. */
public interface FloatTargetLoss {
  /**
   * Writes d(loss)/d(output) into {@code grad} ([rows x cols]) and returns the reduced loss.
   *
   * @throws IllegalArgumentException if {@code targets} is not of the output's length
   */
  float compute(float[] output, float[] targets, float[] grad, int rows, int cols);

  /**
   * What the reduction divides this batch's summed loss by: the number of values averaged over (rows
   * for KL_DIV's BATCHMEAN and for cross-entropy's probability targets), or 1 under SUM; see
   * {@link ClassIndexLoss#weight}.
   */
  double weight(float[] targets, int rows, int cols);
}
