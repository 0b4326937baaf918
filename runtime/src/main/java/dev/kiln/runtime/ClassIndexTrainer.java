package dev.kiln.runtime;

/** A trainer whose loss takes one class index per row (cross-entropy, NLL). */
public interface ClassIndexTrainer extends KilnTrainer {
  /**
   * One training step: forward, loss, backward, optimizer update.
   *
   * @param x the inputs, [rows x inputSize] row-major
   * @param targets one class index in [0, outputSize) per row
   * @return the batch's loss, computed before the update
   */
  float step(float[] x, int[] targets);

  /**
   * The gradient-only entry, for data-parallel training: forward, loss and backward as {@code step} runs
   * them, but no update, and the gradients left in {@link #gradients()} summed over the rows, not
   * averaged. Normalization layers see this batch's statistics; dropout draws its masks.
   */
  GradientSum sumGradients(float[] x, int[] targets);

  /**
   * The loss of outputs the model computed ({@code forward}, in evaluation mode) against class indices, as
   * a validation loss is measured: summed over the rows, with the weight the loss's reduction divides by,
   * so that batches add before one division (see {@link GradientSum}). Changes no parameter or gradient.
   *
   * @param output [rows x outputSize()], as {@code model().forward} returns it
   * @param targets the class indices, as {@link #step(float[], int[])} takes them
   */
  GradientSum evaluate(float[] output, int[] targets);

  /**
   * The target its loss ignores ({@code ignoreIndex}, -100 unless the declaration sets another): any other
   * target outside [0, outputSize) is not a class.
   */
  int ignoreIndex();

  /** {@link #step(float[], int[])} for a model that reads token ids, [rows x inputSize()]. */
  default float step(int[] tokens, int[] targets) {
    throw new UnsupportedOperationException(model().getClass().getSimpleName()
        + " reads floats, not token ids: pass a float[]");
  }

  /** {@link #sumGradients(float[], int[])} for a model that reads token ids. */
  default GradientSum sumGradients(int[] tokens, int[] targets) {
    throw new UnsupportedOperationException(model().getClass().getSimpleName()
        + " reads floats, not token ids: pass a float[]");
  }
}
