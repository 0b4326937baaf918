package dev.kiln.runtime.optim;

import java.util.List;

/** The running state of one optimizer over one parameter array. Not thread-safe. */
public interface OptimizerState {
  /** Applies one update to {@code params} from {@code grads}, both of the size the state was made for. */
  void step(float[] params, float[] grads);

  /** The learning rate the next step uses. */
  float learningRate();

  /** Sets the learning rate of the following steps, as a schedule does between epochs. */
  void learningRate(float lr);

  /**
   * The names of its per-parameter planes, as PyTorch names them ({@code momentum_buffer}; {@code exp_avg},
   * {@code exp_avg_sq}, {@code max_exp_avg_sq}); plane i is [i·n, (i + 1)·n) of {@link #planes()}.
   */
  List<String> planeNames();

  /** Its per-parameter state, live: the planes one after the other, each as long as the parameters. */
  float[] planes();

  /** The steps taken so far. */
  long steps();

  /** Takes up a run that had taken {@code steps} steps, once its {@link #planes()} hold that run's. */
  void resume(long steps);
}
