package dev.kiln.runtime.train;

/**
 * Stops {@code fit} when a metric stops improving, as Keras's {@code EarlyStopping(monitor, min_delta,
 * patience, restore_best_weights)}: an epoch improves when its value beats the best so far by more than
 * {@code minDelta} (an absolute amount; smaller for losses, larger for accuracy); after {@code patience}
 * epochs in a row without improvement, training stops (never after the first epoch). With
 * {@code restoreBestWeights}, the model ends with the parameters and buffers of its best epoch, whether
 * training stopped early or ran every epoch (Keras restores them only when it stops early). The history says
 * which epoch was best and at which it stopped. Immutable: {@code EarlyStopping.on(Metric.VALIDATION_LOSS)
 * .patience(3).restoreBestWeights(true)}.
 */
public final class EarlyStopping {
  private final Metric metric;
  private final int patience;
  private final float minDelta;
  private final boolean restoreBestWeights;

  private EarlyStopping(Metric metric, int patience, float minDelta, boolean restoreBestWeights) {
    this.metric = metric;
    this.patience = patience;
    this.minDelta = minDelta;
    this.restoreBestWeights = restoreBestWeights;
  }

  /** Watches {@code metric}; Keras's defaults otherwise: patience 0, minDelta 0, the last weights kept. */
  public static EarlyStopping on(Metric metric) {
    if (metric == null) throw new IllegalArgumentException("metric is null; expected a Metric such as VALIDATION_LOSS");
    return new EarlyStopping(metric, 0, 0f, false);
  }

  /** Epochs in a row without improvement after which training stops. */
  public EarlyStopping patience(int patience) {
    if (patience < 0) throw new IllegalArgumentException("patience = " + patience + " is invalid; expected at least 0");
    return new EarlyStopping(metric, patience, minDelta, restoreBestWeights);
  }

  /** How much better than the best so far an epoch must be to count as an improvement (its absolute value). */
  public EarlyStopping minDelta(float minDelta) {
    if (!Float.isFinite(minDelta)) {
      throw new IllegalArgumentException("minDelta = " + minDelta + " is invalid; expected a finite value");
    }
    return new EarlyStopping(metric, patience, Math.abs(minDelta), restoreBestWeights);
  }

  /** Whether the model ends with its best epoch's parameters and buffers rather than its last's. */
  public EarlyStopping restoreBestWeights(boolean restoreBestWeights) {
    return new EarlyStopping(metric, patience, minDelta, restoreBestWeights);
  }

  public Metric metric() { return metric; }
  public int patience() { return patience; }
  public float minDelta() { return minDelta; }
  public boolean restoresBestWeights() { return restoreBestWeights; }

  /** Keras's {@code _is_improvement}: {@code current} beats {@code best} by more than minDelta. */
  boolean improves(double current, double best) {
    return metric.higherIsBetter() ? current - minDelta > best : current + minDelta < best;
  }

  @Override
  public String toString() {
    return "EarlyStopping[" + metric + ", patience " + patience + ", minDelta " + minDelta
        + (restoreBestWeights ? ", restoreBestWeights" : "") + "]";
  }
}
