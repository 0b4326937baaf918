package dev.kiln.runtime;

/**
 * What every generated trainer offers; its {@code step} comes from {@link ClassIndexTrainer} or
 * {@link FloatTargetTrainer}. A generated trainer also has {@code fit}; for a trainer known only by this
 * interface, {@link dev.kiln.runtime.train.Fitting#fit} runs the same loop.
 */
public interface KilnTrainer {
  /** The model whose parameters this trainer updates. */
  KilnModel model();

  /** The gradients of the last step's loss, live, in the layout of the model's parameters. */
  float[] gradients();

  /** The learning rate the next step uses. */
  float learningRate();

  /** Sets the learning rate of the following steps, as a schedule does between epochs. */
  void setLearningRate(float lr);

  /**
   * Scales each step's gradients so that their global L2 norm is at most {@code maxNorm}, as
   * {@code clip_grad_norm_}; {@code Float.POSITIVE_INFINITY} (the default) turns clipping off.
   */
  void setMaxGradientNorm(float maxNorm);

  /**
   * Updates the parameters with the gradients now in {@link #gradients()}, clipped as
   * {@link #setMaxGradientNorm} says, by the optimizer's own code: what {@code step} does once it has
   * computed them. For data-parallel training, whose gradients are summed elsewhere and copied in.
   */
  void applyGradients();

  /**
   * Writes, atomically, what this trainer needs to go on: the model's parameters and buffers under their
   * state-dict names, the optimizer's state under {@code optimizer.<tensor>.<state>}
   * ({@code optimizer.hidden.weight.exp_avg}), and in {@code __metadata__} the model's interface, the
   * optimizer with its hyper-parameters, the learning rate and the steps taken. One safetensors file.
   */
  void saveCheckpoint(java.nio.file.Path file) throws java.io.IOException;

  /** {@link #saveCheckpoint(java.nio.file.Path)} with {@code progress} in its metadata, as {@code fit} adds its epoch and step. */
  void saveCheckpoint(java.nio.file.Path file, java.util.Map<String, String> progress) throws java.io.IOException;

  /**
   * Restores a checkpoint that {@link #saveCheckpoint} wrote for a trainer of the same model and optimizer.
   * A checkpoint of another model, optimizer or hyper-parameters is an {@link IllegalArgumentException}
   * naming both; a missing, extra or misshaped tensor, or a corrupt file, an {@link java.io.IOException}.
   * A failed load leaves the trainer and its model as they were. Returns the checkpoint's metadata.
   */
  java.util.Map<String, String> loadCheckpoint(java.nio.file.Path file) throws java.io.IOException;
}
