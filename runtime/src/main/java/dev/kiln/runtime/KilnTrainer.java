package dev.kiln.runtime;

/** What every generated trainer offers; its {@code step} comes from {@link ClassIndexTrainer} or {@link FloatTargetTrainer}. */
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
   * Trains on {@code data} as {@code options} say: epochs of shuffled mini-batches, the learning rate
   * of each epoch from the schedule, a console progress bar. Returns what each epoch measured.
   *
   * @throws dev.kiln.runtime.train.TrainingDivergedException when a loss turns NaN or infinite, naming the
   *     epoch and step, with the parameters as they were before that step
   */
  default dev.kiln.runtime.train.TrainingHistory fit(dev.kiln.runtime.data.Dataset data,
      dev.kiln.runtime.train.FitOptions options) {
    return dev.kiln.runtime.train.Fitting.fit(this, data, options);
  }
}
