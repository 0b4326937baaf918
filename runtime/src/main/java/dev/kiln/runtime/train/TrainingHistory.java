package dev.kiln.runtime.train;

import java.util.List;
import java.util.Locale;

/** What {@code fit} measured, epoch by epoch. */
public record TrainingHistory(List<EpochResult> epochs) {
  public TrainingHistory {
    epochs = List.copyOf(epochs);
  }

  /** The last epoch. */
  public EpochResult last() {
    return epochs.get(epochs.size() - 1);
  }

  /** The loss of each epoch, in order. */
  public double[] losses() {
    return epochs.stream().mapToDouble(EpochResult::loss).toArray();
  }

  /** The training accuracy of each epoch, in order (NaN for float targets). */
  public double[] accuracies() {
    return epochs.stream().mapToDouble(EpochResult::accuracy).toArray();
  }

  /**
   * A table, one line per epoch: its loss, training and validation accuracy ({@code -} where there is
   * none), learning rate and seconds.
   */
  @Override
  public String toString() {
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%5s  %10s  %8s  %8s  %10s  %7s%n",
        "epoch", "loss", "accuracy", "val acc", "lr", "seconds"));
    for (EpochResult e : epochs) {
      table.append(String.format(Locale.ROOT, "%5d  %10.6f  %8s  %8s  %10.4g  %7.2f%n", e.epoch(), e.loss(),
          fraction(e.accuracy()), fraction(e.validationAccuracy()), e.learningRate(), e.seconds()));
    }
    return table.toString();
  }

  private static String fraction(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
  }
}
