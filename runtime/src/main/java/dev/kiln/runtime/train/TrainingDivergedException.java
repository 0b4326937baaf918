package dev.kiln.runtime.train;

/**
 * A step's loss was NaN or infinite. The step changed nothing, so the parameters are as they were
 * after the step before.
 */
public final class TrainingDivergedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int epoch;
  private final int step;
  private final float loss;

  public TrainingDivergedException(int epoch, int step, float loss) {
    super("the loss is " + loss + " at epoch " + epoch + ", step " + step + "; training stopped with the parameters"
        + " as they were before that step. Lower the learning rate, clip gradients (maxGradientNorm), or check"
        + " the data for NaN or infinite values");
    this.epoch = epoch;
    this.step = step;
    this.loss = loss;
  }

  /** The epoch, from 1. */
  public int epoch() {
    return epoch;
  }

  /** The step within the epoch, from 1. */
  public int step() {
    return step;
  }

  public float loss() {
    return loss;
  }
}
