package dev.kiln.runtime.optim;

/**
 * An optimizer's hyper-parameters: immutable, built with fluent withers such as
 * {@code Sgd.lr(0.1f).momentum(0.9f)}. A trainer asks it for the state it updates its parameters with.
 */
public interface Optimizer {
  /**
   * The state for {@code parameterCount} parameters, held in contiguous arrays, updated in place by
   * {@link OptimizerState#step}.
   *
   * @throws IllegalArgumentException if the hyper-parameters do not go together
   */
  OptimizerState newState(int parameterCount);
}
