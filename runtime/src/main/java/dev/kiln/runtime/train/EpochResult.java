package dev.kiln.runtime.train;

/**
 * One epoch of {@code fit}: the mean loss of its steps (weighted by batch size), the learning rate it
 * used, and for class labels the accuracy on the training data and on the validation data (NaN where
 * there is none), with its time and speed.
 */
public record EpochResult(int epoch, double loss, double learningRate, double accuracy, double validationAccuracy,
    double seconds, double samplesPerSecond) {}
