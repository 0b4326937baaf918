package dev.kiln.runtime.generated;

import dev.kiln.runtime.KilnTrainer;
import dev.kiln.runtime.optim.GradientClipping;
import dev.kiln.runtime.optim.Optimizer;
import dev.kiln.runtime.optim.OptimizerState;

/**
 * What generated trainers share: the gradients, the optimizer's state, the learning rate and
 * gradient clipping. A generated trainer writes the gradients of a batch and calls {@link #update}.
 */
public abstract class AbstractTrainer implements KilnTrainer {
  protected final float[] parameters;
  protected final float[] gradients;
  private final OptimizerState optimizer;
  private float maxGradientNorm = Float.POSITIVE_INFINITY;

  protected AbstractTrainer(float[] parameters, Optimizer optimizer) {
    this.parameters = parameters;
    this.gradients = new float[parameters.length];
    this.optimizer = optimizer.newState(parameters.length);
  }

  @Override
  public final float[] gradients() {
    return gradients;
  }

  @Override
  public final float learningRate() {
    return optimizer.learningRate();
  }

  @Override
  public final void setLearningRate(float lr) {
    optimizer.learningRate(lr);
  }

  @Override
  public final void setMaxGradientNorm(float maxNorm) {
    if (!(maxNorm > 0f)) {
      throw new IllegalArgumentException("maxNorm = " + maxNorm + " is invalid; expected a value > 0"
          + " (Float.POSITIVE_INFINITY turns clipping off)");
    }
    this.maxGradientNorm = maxNorm;
  }

  /** Clips the gradients if asked to, then lets the optimizer update the parameters. Returns {@code loss}. */
  protected final float update(float loss) {
    if (maxGradientNorm != Float.POSITIVE_INFINITY) {
      GradientClipping.clipByGlobalNorm(gradients, maxGradientNorm);
    }
    optimizer.step(parameters, gradients);
    return loss;
  }
}
