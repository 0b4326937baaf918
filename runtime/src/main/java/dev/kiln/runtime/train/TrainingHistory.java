package dev.kiln.runtime.train;

import java.util.List;

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
}
