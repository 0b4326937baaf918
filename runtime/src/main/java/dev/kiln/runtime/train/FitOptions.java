package dev.kiln.runtime.train;

import dev.kiln.runtime.data.Dataset;
import dev.kiln.runtime.schedule.LearningRateSchedule;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How {@code trainer.fit} trains: immutable, built with withers from {@link #epochs(int)}, e.g.
 * {@code FitOptions.epochs(5).batchSize(64).validation(test)}.
 */
public final class FitOptions {
  private int epochs;
  private int batchSize;
  private long shuffleSeed;
  private LearningRateSchedule schedule;
  private float maxGradientNorm;
  private Dataset validation;
  private boolean progress;
  private Path checkpointDirectory;
  private int checkpointEverySteps;
  private EarlyStopping earlyStopping;
  private Consumer<EpochResult> onEpochEnd;
  private StepListener onStepEnd;
  private Path metricsFile;
  private Augment augment;

  private FitOptions() {}

  /** A copy to change one thing in: the withers' way of staying immutable. */
  private FitOptions copy() {
    FitOptions c = new FitOptions();
    c.epochs = epochs;
    c.batchSize = batchSize;
    c.shuffleSeed = shuffleSeed;
    c.schedule = schedule;
    c.maxGradientNorm = maxGradientNorm;
    c.validation = validation;
    c.progress = progress;
    c.checkpointDirectory = checkpointDirectory;
    c.checkpointEverySteps = checkpointEverySteps;
    c.earlyStopping = earlyStopping;
    c.onEpochEnd = onEpochEnd;
    c.onStepEnd = onStepEnd;
    c.metricsFile = metricsFile;
    c.augment = augment;
    return c;
  }

  /** {@code epochs} passes over the data in batches of 32, shuffled with seed 0, the learning rate constant. */
  public static FitOptions epochs(int epochs) {
    if (epochs < 1) throw new IllegalArgumentException("epochs = " + epochs + " is invalid; expected at least 1");
    FitOptions o = new FitOptions();
    o.epochs = epochs;
    o.batchSize = 32;
    o.schedule = LearningRateSchedule.constant();
    o.maxGradientNorm = Float.POSITIVE_INFINITY;
    o.progress = true;
    return o;
  }

  public FitOptions batchSize(int batchSize) {
    if (batchSize < 1) throw new IllegalArgumentException("batchSize = " + batchSize + " is invalid; expected at least 1");
    FitOptions c = copy();
    c.batchSize = batchSize;
    return c;
  }

  /** The seed of the order the rows are visited in; each epoch draws a new order from it. */
  public FitOptions shuffleSeed(long shuffleSeed) {
    FitOptions c = copy();
    c.shuffleSeed = shuffleSeed;
    return c;
  }

  /**
   * The learning rate of each epoch, from the optimizer's own rate; {@link LearningRateSchedule#onPlateau}
   * lowers it when a metric stops improving.
   */
  public FitOptions schedule(LearningRateSchedule schedule) {
    if (schedule == null) throw new IllegalArgumentException("schedule is null; expected LearningRateSchedule.constant() for none");
    FitOptions c = copy();
    c.schedule = schedule;
    return c;
  }

  /** Clips each step's gradients to this global norm. */
  public FitOptions maxGradientNorm(float maxGradientNorm) {
    FitOptions c = copy();
    c.maxGradientNorm = maxGradientNorm;
    return c;
  }

  /** Data to measure after each epoch, not trained on: its loss and, for classes, its accuracy. */
  public FitOptions validation(Dataset validation) {
    FitOptions c = copy();
    c.validation = validation;
    return c;
  }

  /** Whether a progress bar shows each epoch on the console (on by default). */
  public FitOptions progress(boolean progress) {
    FitOptions c = copy();
    c.progress = progress;
    return c;
  }

  /**
   * Checkpoints in {@code directory}: {@code fit} writes one after every epoch (and every
   * {@link #checkpointEverySteps} steps), keeps the last two, and when the directory already holds one
   * resumes from the newest it can read, at its epoch and step, with the same schedule and shuffles.
   */
  public FitOptions checkpointDirectory(Path directory) {
    FitOptions c = copy();
    c.checkpointDirectory = directory;
    return c;
  }

  /** A checkpoint every {@code steps} steps as well as after each epoch; 0, the default, after each epoch only. */
  public FitOptions checkpointEverySteps(int steps) {
    if (steps < 0) {
      throw new IllegalArgumentException("checkpointEverySteps = " + steps
          + " is invalid; expected at least 1, or 0 for a checkpoint after each epoch only");
    }
    FitOptions c = copy();
    c.checkpointEverySteps = steps;
    return c;
  }

  /**
   * Stops training when a metric stops improving, as Keras's {@code EarlyStopping}; a validation metric needs
   * {@link #validation}.
   */
  public FitOptions earlyStopping(EarlyStopping earlyStopping) {
    FitOptions c = copy();
    c.earlyStopping = earlyStopping;
    return c;
  }

  /**
   * Called with each epoch's result, on the training thread, once its checkpoint (if any) is written; an
   * exception thrown there stops {@code fit} with it, the checkpoints intact.
   */
  public FitOptions onEpochEnd(Consumer<EpochResult> listener) {
    FitOptions c = copy();
    c.onEpochEnd = listener;
    return c;
  }

  /**
   * Called after each step with its number and loss, on the training thread, once its checkpoint (if any) is
   * written; an exception thrown there stops {@code fit} with it, the checkpoints intact.
   */
  public FitOptions onStepEnd(StepListener listener) {
    FitOptions c = copy();
    c.onStepEnd = listener;
    return c;
  }

  /**
   * One JSON line per epoch appended to {@code file} and flushed at the epoch's end: {@code epoch},
   * {@code loss}, {@code accuracy}, {@code validation_loss}, {@code validation_accuracy},
   * {@code learning_rate}, {@code seconds} (null where not measured). A resumed run rewrites it to the epochs
   * of its checkpoint and goes on appending.
   */
  public FitOptions metricsFile(Path file) {
    FitOptions c = copy();
    c.metricsFile = file;
    return c;
  }

  /** Augments each training batch of images (see {@link Augment}). */
  public FitOptions augment(Augment augment) {
    FitOptions c = copy();
    c.augment = augment;
    return c;
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
  public Optional<EarlyStopping> earlyStopping() { return Optional.ofNullable(earlyStopping); }
  public Optional<Consumer<EpochResult>> onEpochEnd() { return Optional.ofNullable(onEpochEnd); }
  public Optional<StepListener> onStepEnd() { return Optional.ofNullable(onStepEnd); }
  public Optional<Path> metricsFile() { return Optional.ofNullable(metricsFile); }
  public Optional<Augment> augment() { return Optional.ofNullable(augment); }
}
