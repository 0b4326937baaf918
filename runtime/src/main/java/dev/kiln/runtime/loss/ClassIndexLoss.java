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
}
