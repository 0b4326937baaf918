package dev.kiln.runtime.kernel;

/**
 * The losses in their plainest, most common form, where they are a narrow network's largest cost.
 */
public interface LossKernels {
  /**
   * Cross-entropy of class-index targets on feature-major logits {@code zT} [classes x rows], no class
   * weights, no smoothing: writes d(loss)/d(logits) into {@code gT} (same layout) and returns the loss,
   * averaged over the rows whose target is not {@code ignoreIndex} when {@code mean}, else summed. A mean
   * over no rows is NaN, with zero gradients. Targets must already be checked.
   */
  float crossEntropyT(float[] zT, int[] targets, float[] gT, int rows, int classes, int ignoreIndex,
      boolean mean);

  /** {@link #crossEntropyT} on row-major logits [rows x classes], the gradient in the same layout. */
  float crossEntropy(float[] z, int[] targets, float[] g, int rows, int classes, int ignoreIndex,
      boolean mean);

  /**
   * Binary cross-entropy on logits {@code x} with targets {@code y}, no weights: {@code (1-y)x - log σ(x)}
   * per value, gradient {@code (σ(x) - y) · scale} into {@code grad}; returns the sum of the terms times
   * {@code scale} (1/n for a mean, 1 for a sum). Any layout, as long as x, y and grad share it.
   */
  float bceWithLogits(float[] x, float[] y, float[] grad, int n, float scale);

}
