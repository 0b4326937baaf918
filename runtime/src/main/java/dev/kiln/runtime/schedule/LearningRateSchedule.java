package dev.kiln.runtime.schedule;

/**
 * The learning rate per epoch, as PyTorch's schedulers give it: epoch 0 uses the schedule's value at
 * 0, which for all but the warm-up is the base rate.
 */
@FunctionalInterface
public interface LearningRateSchedule {
  /** The learning rate for {@code epoch} (from 0), given the optimizer's base rate. */
  double learningRate(double baseLr, int epoch);

  /** The base rate throughout. */
  static LearningRateSchedule constant() {
    return (baseLr, epoch) -> baseLr;
  }

  /** {@code StepLR}: the rate times {@code gamma} every {@code stepSize} epochs. */
  static LearningRateSchedule step(int stepSize, double gamma) {
    Schedules.positive("stepSize", stepSize);
    return (baseLr, epoch) -> baseLr * Math.pow(gamma, epoch / stepSize);
  }

  /** {@code ExponentialLR}: the rate times {@code gamma} every epoch. */
  static LearningRateSchedule exponential(double gamma) {
    return (baseLr, epoch) -> baseLr * Math.pow(gamma, epoch);
  }

  /** {@code CosineAnnealingLR}: from the base rate down to {@code etaMin} over {@code tMax} epochs, and back. */
  static LearningRateSchedule cosine(int tMax, double etaMin) {
    Schedules.positive("tMax", tMax);
    return (baseLr, epoch) -> etaMin + (baseLr - etaMin) * (1 + Math.cos(Math.PI * epoch / tMax)) / 2;
  }

  /**
   * {@code LinearLR}: the base rate times a factor going linearly from {@code startFactor} to
   * {@code endFactor} over {@code totalIters} epochs, then staying there: a warm-up when it rises.
   */
  static LearningRateSchedule linear(double startFactor, double endFactor, int totalIters) {
    Schedules.positive("totalIters", totalIters);
    return (baseLr, epoch) ->
        baseLr * (startFactor + (endFactor - startFactor) * Math.min(epoch, totalIters) / totalIters);
  }

  /**
   * {@code ReduceLROnPlateau(mode, factor, patience)}: the rate times {@code factor} once {@code metric} has not
   * improved for more than {@code patience} epochs; {@code threshold}, {@code thresholdMode}, {@code cooldown}
   * and {@code minLr} are withers of the result, with PyTorch's defaults (1e-4, REL, 0, 0).
   */
  static PlateauSchedule onPlateau(dev.kiln.runtime.train.Metric metric, double factor, int patience) {
    return new PlateauSchedule(metric, factor, patience, 1e-4, ThresholdMode.REL, 0, 0);
  }
}
