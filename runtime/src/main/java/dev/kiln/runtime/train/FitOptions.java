package dev.kiln.runtime.train;

import dev.kiln.runtime.data.Dataset;
import dev.kiln.runtime.schedule.LearningRateSchedule;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How {@code trainer.fit} trains: immutable, built with withers from {@link #epochs(int)}, e.g.
 * {@code FitOptions.epochs(5).batchSize(64).validation(test)}.
 */
public final class FitOptions {
  private final int epochs;
  private final int batchSize;
  private final long shuffleSeed;
  private final LearningRateSchedule schedule;
  private final float maxGradientNorm;
  private final Dataset validation;
  private final boolean progress;
  private final Path checkpointDirectory;
  private final int checkpointEverySteps;

  private FitOptions(int epochs, int batchSize, long shuffleSeed, LearningRateSchedule schedule, float maxGradientNorm,
      Dataset validation, boolean progress, Path checkpointDirectory, int checkpointEverySteps) {
    if (epochs < 1) throw new IllegalArgumentException("epochs = " + epochs + " is invalid; expected at least 1");
    if (batchSize < 1) throw new IllegalArgumentException("batchSize = " + batchSize + " is invalid; expected at least 1");
    if (checkpointEverySteps < 0) {
      throw new IllegalArgumentException("checkpointEverySteps = " + checkpointEverySteps
          + " is invalid; expected at least 1, or 0 for a checkpoint after each epoch only");
    }
    this.epochs = epochs;
    this.batchSize = batchSize;
    this.shuffleSeed = shuffleSeed;
    this.schedule = schedule;
    this.maxGradientNorm = maxGradientNorm;
    this.validation = validation;
    this.progress = progress;
    this.checkpointDirectory = checkpointDirectory;
    this.checkpointEverySteps = checkpointEverySteps;
  }

  /** {@code epochs} passes over the data in batches of 32, shuffled with seed 0, the learning rate constant. */
  public static FitOptions epochs(int epochs) {
    return new FitOptions(epochs, 32, 0, LearningRateSchedule.constant(), Float.POSITIVE_INFINITY, null, true, null, 0);
  }

  public FitOptions batchSize(int batchSize) {
    return new FitOptions(epochs, batchSize, shuffleSeed, schedule, maxGradientNorm, validation, progress,
        checkpointDirectory, checkpointEverySteps);
  }

  /** The seed of the order the rows are visited in; each epoch draws a new order from it. */
  public FitOptions shuffleSeed(long shuffleSeed) {
    return new FitOptions(epochs, batchSize, shuffleSeed, schedule, maxGradientNorm, validation, progress,
        checkpointDirectory, checkpointEverySteps);
  }

  /** The learning rate of each epoch, from the optimizer's own rate. */
  public FitOptions schedule(LearningRateSchedule schedule) {
    return new FitOptions(epochs, batchSize, shuffleSeed, schedule, maxGradientNorm, validation, progress,
        checkpointDirectory, checkpointEverySteps);
  }

  /** Clips each step's gradients to this global norm. */
  public FitOptions maxGradientNorm(float maxGradientNorm) {
    return new FitOptions(epochs, batchSize, shuffleSeed, schedule, maxGradientNorm, validation, progress,
        checkpointDirectory, checkpointEverySteps);
  }

  /** Data to measure after each epoch, not trained on. */
  public FitOptions validation(Dataset validation) {
    return new FitOptions(epochs, batchSize, shuffleSeed, schedule, maxGradientNorm, validation, progress,
        checkpointDirectory, checkpointEverySteps);
  }

  /** Whether a progress bar shows each epoch on the console (on by default). */
  public FitOptions progress(boolean progress) {
    return new FitOptions(epochs, batchSize, shuffleSeed, schedule, maxGradientNorm, validation, progress,
        checkpointDirectory, checkpointEverySteps);
  }

  /**
   * Checkpoints in {@code directory}: {@code fit} writes one after every epoch (and every
   * {@link #checkpointEverySteps} steps), keeps the last two, and when the directory already holds one
   * resumes from the newest it can read, at its epoch and step, with the same schedule and shuffles.
   */
  public FitOptions checkpointDirectory(Path directory) {
    return new FitOptions(epochs, batchSize, shuffleSeed, schedule, maxGradientNorm, validation, progress, directory,
        checkpointEverySteps);
  }

  /** A checkpoint every {@code steps} steps as well as after each epoch; 0, the default, after each epoch only. */
  public FitOptions checkpointEverySteps(int steps) {
    return new FitOptions(epochs, batchSize, shuffleSeed, schedule, maxGradientNorm, validation, progress,
        checkpointDirectory, steps);
  }

  public int epochs() { return epochs; }
  public int batchSize() { return batchSize; }
  public long shuffleSeed() { return shuffleSeed; }
  public LearningRateSchedule schedule() { return schedule; }
  public float maxGradientNorm() { return maxGradientNorm; }
  public Optional<Dataset> validation() { return Optional.ofNullable(validation); }
  public boolean progress() { return progress; }
  public Optional<Path> checkpointDirectory() { return Optional.ofNullable(checkpointDirectory); }
  public int checkpointEverySteps() { return checkpointEverySteps; }
}
