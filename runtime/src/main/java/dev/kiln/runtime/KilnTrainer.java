package dev.kiln.runtime;

/** What every generated trainer offers; its {@code step} comes from {@link ClassIndexTrainer} or {@link FloatTargetTrainer}. */
public interface KilnTrainer {
  /** The model whose parameters this trainer updates. */
  KilnModel model();

  /** The gradients of the last step's loss, live, in the layout of the model's parameters. */
  float[] gradients();
}
