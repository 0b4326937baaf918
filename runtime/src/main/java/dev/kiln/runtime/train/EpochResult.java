package dev.kiln.runtime.train;

/**
 * One epoch of {@code fit}: the mean loss of its steps (weighted by batch size), the learning rate it
 * used, for class labels the accuracy on the training data and on the validation data, and the loss on the
 * validation data (NaN where there is none), with its time and speed.
 */
public record EpochResult(int epoch, double loss, double learningRate, double accuracy, double validationAccuracy,
    double seconds, double samplesPerSecond, double validationLoss) {
  /** An epoch without a validation loss. */
  public EpochResult(int epoch, double loss, double learningRate, double accuracy, double validationAccuracy,
      double seconds, double samplesPerSecond) {
    this(epoch, loss, learningRate, accuracy, validationAccuracy, seconds, samplesPerSecond, Double.NaN);
  }
}
