package dev.kiln.runtime.schedule;

import dev.kiln.runtime.train.Metric;

/**
 * PyTorch's {@code ReduceLROnPlateau(mode, factor, patience, threshold, threshold_mode, cooldown, min_lr)}:
 * the learning rate times {@code factor} once the metric has not improved for more than {@code patience}
 * epochs, then {@code cooldown} epochs in which bad epochs are not counted; never below {@code minLr}, and
 * not at all when the change would be under 1e-8 (PyTorch's {@code eps}). The mode follows the metric:
 * {@code min} for losses, {@code max} for accuracy. {@code fit} applies it after each epoch's measurements;
 * as a plain {@link LearningRateSchedule} it gives the base rate. Immutable, built with withers from
 * {@link LearningRateSchedule#onPlateau}.
 */
public final class PlateauSchedule implements LearningRateSchedule {
  /** PyTorch's {@code eps}: a reduction smaller than this is not made. */
  static final double EPS = 1e-8;

  private final Metric metric;
  private final double factor;
  private final int patience;
  private final double threshold;
  private final ThresholdMode thresholdMode;
  private final int cooldown;
  private final double minLr;

  PlateauSchedule(Metric metric, double factor, int patience, double threshold, ThresholdMode thresholdMode,
      int cooldown, double minLr) {
    if (metric == null) throw new IllegalArgumentException("metric is null; expected a Metric such as VALIDATION_LOSS");
    if (!(factor < 1 && factor >= 0)) {
      throw new IllegalArgumentException("factor = " + factor + " is invalid; expected a value in [0, 1)");
    }
    if (patience < 0) throw new IllegalArgumentException("patience = " + patience + " is invalid; expected at least 0");
    if (!(threshold >= 0)) throw new IllegalArgumentException("threshold = " + threshold + " is invalid; expected >= 0");
    if (thresholdMode == null) throw new IllegalArgumentException("thresholdMode is null; expected REL or ABS");
    if (cooldown < 0) throw new IllegalArgumentException("cooldown = " + cooldown + " is invalid; expected at least 0");
    if (!(minLr >= 0)) throw new IllegalArgumentException("minLr = " + minLr + " is invalid; expected >= 0");
    this.metric = metric;
    this.factor = factor;
    this.patience = patience;
    this.threshold = threshold;
    this.thresholdMode = thresholdMode;
    this.cooldown = cooldown;
    this.minLr = minLr;
  }

  /** PyTorch's default 1e-4: how much better than the best a value must be. */
  public PlateauSchedule threshold(double threshold) {
    return new PlateauSchedule(metric, factor, patience, threshold, thresholdMode, cooldown, minLr);
  }

  /** {@link ThresholdMode#REL} (the default) or {@link ThresholdMode#ABS}. */
  public PlateauSchedule thresholdMode(ThresholdMode thresholdMode) {
    return new PlateauSchedule(metric, factor, patience, threshold, thresholdMode, cooldown, minLr);
  }

  /** Epochs after a reduction in which bad epochs are not counted (default 0). */
  public PlateauSchedule cooldown(int cooldown) {
    return new PlateauSchedule(metric, factor, patience, threshold, thresholdMode, cooldown, minLr);
  }

  /** The rate it never goes below (default 0). */
  public PlateauSchedule minLr(double minLr) {
    return new PlateauSchedule(metric, factor, patience, threshold, thresholdMode, cooldown, minLr);
  }

  public Metric metric() { return metric; }
  public double factor() { return factor; }
  public int patience() { return patience; }
  public double threshold() { return threshold; }
  public ThresholdMode thresholdMode() { return thresholdMode; }
  public int cooldown() { return cooldown; }
  public double minLr() { return minLr; }

  /** The base rate: the reductions depend on the metrics, and {@code fit} makes them ({@link Plateau}). */
  @Override
  public double learningRate(double baseLr, int epoch) {
    return baseLr;
  }

  /** A fresh tracker of this schedule for one run, from {@code lr}. */
  public Plateau start(double lr) {
    return new Plateau(this, lr, metric.higherIsBetter() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, 0, 0);
  }

  /** PyTorch's {@code is_better}. */
  boolean isBetter(double current, double best) {
    boolean max = metric.higherIsBetter();
    if (thresholdMode == ThresholdMode.REL) {
      return max ? current > best * (threshold + 1) : current < best * (1 - threshold);
    }
    return max ? current > best + threshold : current < best - threshold;
  }

  @Override
  public String toString() {
    return "onPlateau(" + metric + ", factor " + factor + ", patience " + patience + ", threshold " + threshold + " "
        + thresholdMode + ", cooldown " + cooldown + ", minLr " + minLr + ")";
  }
}
