package dev.kiln.runtime.train;

import java.util.List;
import java.util.Locale;

/**
 * What {@code fit} measured, epoch by epoch; with early stopping, the epoch it stopped after
 * ({@code stoppedEpoch}, 0 when it ran every epoch) and the best epoch of its metric ({@code bestEpoch}, 0
 * without early stopping), both counted from 1 as {@link EpochResult#epoch()}.
 */
public record TrainingHistory(List<EpochResult> epochs, int stoppedEpoch, int bestEpoch) {
  public TrainingHistory {
    epochs = List.copyOf(epochs);
  }

  /** A history of a run without early stopping. */
  public TrainingHistory(List<EpochResult> epochs) {
    this(epochs, 0, 0);
  }

  /** Whether early stopping ended the run before its last epoch. */
  public boolean stoppedEarly() {
    return stoppedEpoch > 0;
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
    boolean validationLoss = epochs.stream().anyMatch(e -> !Double.isNaN(e.validationLoss()));
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%5s  %10s  %8s  %8s" + (validationLoss
        ? "  %10s" : "%s") + "  %10s  %7s%n", "epoch", "loss", "accuracy", "val acc", validationLoss ? "val loss" : "",
        "lr", "seconds"));
    for (EpochResult e : epochs) {
      table.append(String.format(Locale.ROOT, "%5d  %10.6f  %8s  %8s" + (validationLoss ? "  %10.6f" : "%s")
          + "  %10.4g  %7.2f%n", e.epoch(), e.loss(), fraction(e.accuracy()), fraction(e.validationAccuracy()),
          validationLoss ? (Object) e.validationLoss() : "", e.learningRate(), e.seconds()));
    }
    if (stoppedEpoch > 0) {
      table.append(String.format(Locale.ROOT, "stopped early after epoch %d; best epoch %d%n", stoppedEpoch, bestEpoch));
    }
    return table.toString();
  }

  private static String fraction(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
  }
}
