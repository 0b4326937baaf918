package dev.kiln.runtime.loss;

/** A loss whose targets are one class index per row. */
public interface ClassIndexLoss {
  /**
   * Writes d(loss)/d(output) into {@code grad} ([rows x cols]) and returns the reduced loss: NaN when a
   * mean has nothing to average (every target ignored), as in PyTorch.
   *
   * @throws IllegalArgumentException naming the target that is not a class index
   */
  float compute(float[] output, int[] targets, float[] grad, int rows, int cols);

  /**
   * What the reduction divides this batch's summed loss by: the weights of its targets that are not
   * ignored (their count, without class weights), or 1 under SUM. The reduced loss and gradient times
   * this weight are the sums over the batch's rows, which a data-parallel trainer adds across partitions
   * before dividing once by the weights' sum.
   */
  double weight(int[] targets, int rows, int cols);

  /**
   * The class index this loss ignores, as PyTorch's {@code ignore_index} (-100 unless set): a target equal to it
   * is no class, yet no error either.
   */
  int ignoreIndex();
}
