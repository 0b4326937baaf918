package dev.kiln.runtime.optim;

/** The running state of one optimizer over one parameter array. Not thread-safe. */
public interface OptimizerState {
  /** Applies one update to {@code params} from {@code grads}, both of the size the state was made for. */
  void step(float[] params, float[] grads);

  /** The learning rate the next step uses. */
  float learningRate();

  /** Sets the learning rate of the following steps, as a schedule does between epochs. */
  void learningRate(float lr);
}
