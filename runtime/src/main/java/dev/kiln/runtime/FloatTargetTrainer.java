package dev.kiln.runtime;

/** A trainer whose loss takes a float target per output (BCE, MSE, L1, ...). */
public interface FloatTargetTrainer extends KilnTrainer {
  /**
   * One training step: forward, loss, backward, optimizer update.
   *
   * @param x the inputs, [rows x inputSize] row-major
   * @param targets [rows x outputSize] row-major
   * @return the batch's loss, computed before the update
   */
  float step(float[] x, float[] targets);

  /**
   * The gradient-only entry, for data-parallel training: forward, loss and backward as {@code step} runs
   * them, but no update, and the gradients left in {@link #gradients()} summed over the rows, not
   * averaged. Normalization layers see this batch's statistics; dropout draws its masks.
   */
  GradientSum sumGradients(float[] x, float[] targets);

  /**
   * The loss of outputs the model computed ({@code forward}, in evaluation mode) against float targets, as
   * a validation loss is measured: summed over the rows, with the weight the loss's reduction divides by.
   * Changes no parameter or gradient.
   *
   * @param output [rows x outputSize()], as {@code model().forward} returns it
   * @param targets as {@link #step(float[], float[])} takes them
   */
  GradientSum evaluate(float[] output, float[] targets);

  /** {@link #step(float[], float[])} for a model that reads token ids, [rows x inputSize()]. */
  default float step(int[] tokens, float[] targets) {
    throw new UnsupportedOperationException(model().getClass().getSimpleName()
        + " reads floats, not token ids: pass a float[]");
  }

  /** {@link #sumGradients(float[], float[])} for a model that reads token ids. */
  default GradientSum sumGradients(int[] tokens, float[] targets) {
    throw new UnsupportedOperationException(model().getClass().getSimpleName()
        + " reads floats, not token ids: pass a float[]");
  }
}
