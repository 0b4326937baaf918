package dev.kiln.runtime.train;

/**
 * A quantity measured at each epoch's end that early stopping and plateau schedules watch: Keras's
 * {@code val_loss}, {@code val_accuracy} and {@code loss}. Losses improve downwards ({@code mode="min"}),
 * accuracy upwards ({@code mode="max"}).
 */
public enum Metric {
  /** The loss on {@code validation(...)} data, the model in evaluation mode. */
  VALIDATION_LOSS(false, true),
  /** The accuracy on {@code validation(...)} data. */
  VALIDATION_ACCURACY(true, true),
  /** The epoch's training loss: the mean of its steps' losses, weighted by their rows. */
  TRAINING_LOSS(false, false);

  private final boolean higherIsBetter;
  private final boolean needsValidation;

  Metric(boolean higherIsBetter, boolean needsValidation) {
    this.higherIsBetter = higherIsBetter;
    this.needsValidation = needsValidation;
  }

  /** Whether a larger value is better (accuracy), rather than a smaller one (losses). */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /** Whether it is measured on validation data, which {@code fit} then needs. */
  public boolean needsValidation() {
    return needsValidation;
  }

  /** This metric's value in an epoch's result. */
  public double of(EpochResult epoch) {
    return switch (this) {
      case VALIDATION_LOSS -> epoch.validationLoss();
      case VALIDATION_ACCURACY -> epoch.validationAccuracy();
      case TRAINING_LOSS -> epoch.loss();
    };
  }
}
