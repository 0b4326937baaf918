package dev.kiln.spark;

import dev.kiln.runtime.data.Dataset;
import dev.kiln.runtime.schedule.LearningRateSchedule;
import java.util.Optional;

/**
 * How {@link KilnSpark#fit} trains: immutable, built with withers from {@link #epochs(int)}, e.g.
 * {@code SparkFitOptions.epochs(5).batchSize(256).shuffle(42)}.
 */
public final class SparkFitOptions {
  private final int epochs;
  private final int batchSize;
  private final boolean shuffle;
  private final long seed;
  private final boolean progress;
  private final LearningRateSchedule schedule;
  private final float maxGradientNorm;
  private final Dataset validation;

  private SparkFitOptions(int epochs, int batchSize, boolean shuffle, long seed, boolean progress,
      LearningRateSchedule schedule, float maxGradientNorm, Dataset validation) {
    if (epochs < 1) throw new IllegalArgumentException("epochs = " + epochs + " is invalid; expected at least 1");
    if (batchSize < 1) throw new IllegalArgumentException("batchSize = " + batchSize + " is invalid; expected at least 1");
    if (!(maxGradientNorm > 0f)) {
      throw new IllegalArgumentException("maxGradientNorm = " + maxGradientNorm + " is invalid; expected a value > 0"
          + " (Float.POSITIVE_INFINITY turns clipping off)");
    }
    this.epochs = epochs;
    this.batchSize = batchSize;
    this.shuffle = shuffle;
    this.seed = seed;
    this.progress = progress;
    this.schedule = schedule;
    this.maxGradientNorm = maxGradientNorm;
    this.validation = validation;
  }

  /**
   * {@code epochs} passes over the data in steps of about 32 rows, each partition's rows in their order, the
   * learning rate constant, a progress bar on the driver's console.
   */
  public static SparkFitOptions epochs(int epochs) {
    return new SparkFitOptions(epochs, 32, false, 0, true, LearningRateSchedule.constant(), Float.POSITIVE_INFINITY,
        null);
  }

  /**
   * The rows of one step, about: each partition gives every step a slice of
   * {@code ceil(batchSize · partitionRows / rows)} rows, its share. A batch size of at least the data set's
   * size makes each epoch one step of full-batch gradient descent.
   */
  public SparkFitOptions batchSize(int batchSize) {
    return new SparkFitOptions(epochs, batchSize, shuffle, seed, progress, schedule, maxGradientNorm, validation);
  }

  /**
   * Shuffles each partition's rows before every epoch, with an order drawn from (seed, epoch, partition);
   * the seed also seeds the dropout masks. Without it the rows keep their order and dropout uses seed 0.
   */
  public SparkFitOptions shuffle(long seed) {
    return new SparkFitOptions(epochs, batchSize, true, seed, progress, schedule, maxGradientNorm, validation);
  }

  /** Whether a progress bar shows each epoch on the driver's console (on by default). */
  public SparkFitOptions progress(boolean progress) {
    return new SparkFitOptions(epochs, batchSize, shuffle, seed, progress, schedule, maxGradientNorm, validation);
  }

  /** The learning rate of each epoch, from the optimizer's own rate, as {@code FitOptions.schedule}. */
  public SparkFitOptions schedule(LearningRateSchedule schedule) {
    if (schedule == null) throw new IllegalArgumentException("schedule is null; expected LearningRateSchedule.constant() for none");
    return new SparkFitOptions(epochs, batchSize, shuffle, seed, progress, schedule, maxGradientNorm, validation);
  }

  /** Clips each step's gradient, summed over every partition, to this global norm, as {@code FitOptions.maxGradientNorm}. */
  public SparkFitOptions maxGradientNorm(float maxGradientNorm) {
    return new SparkFitOptions(epochs, batchSize, shuffle, seed, progress, schedule, maxGradientNorm, validation);
  }

  /**
   * Data to measure after each epoch, on the driver, not trained on: its accuracy is each epoch's
   * {@code validationAccuracy}, as with {@code FitOptions.validation}.
   */
  public SparkFitOptions validation(Dataset validation) {
    return new SparkFitOptions(epochs, batchSize, shuffle, seed, progress, schedule, maxGradientNorm, validation);
  }

  public int epochs() { return epochs; }
  public int batchSize() { return batchSize; }
  public boolean shuffles() { return shuffle; }
  public long seed() { return seed; }
  public boolean progress() { return progress; }
  public LearningRateSchedule schedule() { return schedule; }
  public float maxGradientNorm() { return maxGradientNorm; }
  public Optional<Dataset> validation() { return Optional.ofNullable(validation); }

  @Override
  public String toString() {
    return "SparkFitOptions[epochs " + epochs + ", batchSize " + batchSize + (shuffle ? ", shuffle(" + seed + ")" : "")
        + (maxGradientNorm == Float.POSITIVE_INFINITY ? "" : ", maxGradientNorm " + maxGradientNorm)
        + "]";
  }
}
