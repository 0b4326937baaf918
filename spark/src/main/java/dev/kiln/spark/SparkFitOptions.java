package dev.kiln.spark;

import dev.kiln.runtime.data.Dataset;
import dev.kiln.runtime.schedule.LearningRateSchedule;
import dev.kiln.runtime.train.EarlyStopping;
import dev.kiln.runtime.train.EpochResult;
import dev.kiln.runtime.train.StepListener;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How {@link KilnSpark#fit} trains: immutable, built with withers from {@link #epochs(int)}, e.g.
 * {@code SparkFitOptions.epochs(5).batchSize(256).shuffle(42)}.
 */
public final class SparkFitOptions {
  private int epochs;
  private int batchSize;
  private boolean shuffle;
  private long seed;
  private boolean progress;
  private LearningRateSchedule schedule;
  private float maxGradientNorm;
  private Dataset validation;
  private String checkpointDirectory;
  private int checkpointEverySteps;
  private Aggregation aggregation;
  private int treeDepth;
  private boolean skipInvalidRows;
  private EarlyStopping earlyStopping;
  private Consumer<EpochResult> onEpochEnd;
  private StepListener onStepEnd;
  private Path metricsFile;

  private SparkFitOptions() {}

  /** A copy to change one thing in: the withers' way of staying immutable. */
  private SparkFitOptions copy() {
    SparkFitOptions c = new SparkFitOptions();
    c.epochs = epochs;
    c.batchSize = batchSize;
    c.shuffle = shuffle;
    c.seed = seed;
    c.progress = progress;
    c.schedule = schedule;
    c.maxGradientNorm = maxGradientNorm;
    c.validation = validation;
    c.checkpointDirectory = checkpointDirectory;
    c.checkpointEverySteps = checkpointEverySteps;
    c.aggregation = aggregation;
    c.treeDepth = treeDepth;
    c.skipInvalidRows = skipInvalidRows;
    c.earlyStopping = earlyStopping;
    c.onEpochEnd = onEpochEnd;
    c.onStepEnd = onStepEnd;
    c.metricsFile = metricsFile;
    return c;
  }

  /**
   * {@code epochs} passes over the data in steps of about 32 rows, each partition's rows in their order, the
   * learning rate constant, a progress bar on the driver's console, the gradients added in partition order
   * ({@link Aggregation#ORDERED}), no checkpoints.
   */
  public static SparkFitOptions epochs(int epochs) {
    if (epochs < 1) throw new IllegalArgumentException("epochs = " + epochs + " is invalid; expected at least 1");
    SparkFitOptions o = new SparkFitOptions();
    o.epochs = epochs;
    o.batchSize = 32;
    o.progress = true;
    o.schedule = LearningRateSchedule.constant();
    o.maxGradientNorm = Float.POSITIVE_INFINITY;
    o.aggregation = Aggregation.ORDERED;
    return o;
  }

  /**
   * The rows of one step, about: each partition gives every step a slice of
   * {@code ceil(batchSize · partitionRows / rows)} rows, its share. A batch size of at least the data set's
   * size makes each epoch one step of full-batch gradient descent.
   */
  public SparkFitOptions batchSize(int batchSize) {
    if (batchSize < 1) throw new IllegalArgumentException("batchSize = " + batchSize + " is invalid; expected at least 1");
    SparkFitOptions c = copy();
    c.batchSize = batchSize;
    return c;
  }

  /**
   * Shuffles each partition's rows before every epoch, with an order drawn from (seed, epoch, partition);
   * the seed also seeds the dropout masks. Without it the rows keep their order and dropout uses seed 0.
   */
  public SparkFitOptions shuffle(long seed) {
    SparkFitOptions c = copy();
    c.shuffle = true;
    c.seed = seed;
    return c;
  }

  /** Whether a progress bar shows each epoch on the driver's console (on by default). */
  public SparkFitOptions progress(boolean progress) {
    SparkFitOptions c = copy();
    c.progress = progress;
    return c;
  }

  /**
   * The learning rate of each epoch, from the optimizer's own rate, as {@code FitOptions.schedule};
   * {@code LearningRateSchedule.onPlateau} lowers it when a metric stops improving.
   */
  public SparkFitOptions schedule(LearningRateSchedule schedule) {
    if (schedule == null) throw new IllegalArgumentException("schedule is null; expected LearningRateSchedule.constant() for none");
    SparkFitOptions c = copy();
    c.schedule = schedule;
    return c;
  }

  /** Clips each step's gradient, summed over every partition, to this global norm, as {@code FitOptions.maxGradientNorm}. */
  public SparkFitOptions maxGradientNorm(float maxGradientNorm) {
    if (!(maxGradientNorm > 0f)) {
      throw new IllegalArgumentException("maxGradientNorm = " + maxGradientNorm + " is invalid; expected a value > 0"
          + " (Float.POSITIVE_INFINITY turns clipping off)");
    }
    SparkFitOptions c = copy();
    c.maxGradientNorm = maxGradientNorm;
    return c;
  }

  /**
   * Data to measure after each epoch, on the driver, not trained on: its accuracy is each epoch's
   * {@code validationAccuracy}, as with {@code FitOptions.validation}.
   */
  public SparkFitOptions validation(Dataset validation) {
    SparkFitOptions c = copy();
    c.validation = validation;
    return c;
  }

  /**
   * Where the driver keeps its checkpoints: a local path, or any Hadoop file system URI the driver can reach
   * ({@code file:}, {@code hdfs:}, {@code s3a:} where configured; a path without a scheme is on the default
   * file system, {@code fs.defaultFS}). The files are those {@code fit} writes (model, optimizer state,
   * learning rate, steps, epoch, history, shuffle seed), written under a temporary name and renamed, the
   * last two kept; one is written at the end of every epoch, and every {@link #checkpointEverySteps} steps
   * when set. {@link KilnSpark#fit} resumes from the newest readable one, at its epoch and step.
   */
  public SparkFitOptions checkpointDirectory(String uri) {
    if (uri == null || uri.isBlank()) {
      throw new IllegalArgumentException("checkpointDirectory is " + (uri == null ? "null" : "blank")
          + "; expected a path or a Hadoop file system URI, such as hdfs:///kiln/run-1");
    }
    SparkFitOptions c = copy();
    c.checkpointDirectory = uri;
    return c;
  }

  /** A checkpoint every {@code steps} steps as well as at each epoch's end; needs {@link #checkpointDirectory}. */
  public SparkFitOptions checkpointEverySteps(int steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("checkpointEverySteps = " + steps + " is invalid; expected at least 1");
    }
    SparkFitOptions c = copy();
    c.checkpointEverySteps = steps;
    return c;
  }

  /** How the partitions' gradients are added: {@link Aggregation#ORDERED} (the default) or {@link Aggregation#TREE}. */
  public SparkFitOptions aggregation(Aggregation aggregation) {
    if (aggregation == null) throw new IllegalArgumentException("aggregation is null; expected ORDERED or TREE");
    SparkFitOptions c = copy();
    c.aggregation = aggregation;
    return c;
  }

  /**
   * The levels of pairwise sums {@link Aggregation#TREE} runs on the executors; by default as many as it
   * takes to leave one gradient ({@code ceil(log2(partitions))}).
   */
  public SparkFitOptions treeDepth(int depth) {
    if (depth < 1) throw new IllegalArgumentException("treeDepth = " + depth + " is invalid; expected at least 1");
    SparkFitOptions c = copy();
    c.treeDepth = depth;
    return c;
  }

  /**
   * Drops the rows that do not fit the model (the wrong number of features, a class index outside the
   * classes, a NaN or infinite feature) and logs how many each partition dropped, instead of refusing the
   * data before the first step.
   */
  public SparkFitOptions skipInvalidRows() {
    SparkFitOptions c = copy();
    c.skipInvalidRows = true;
    return c;
  }

  /** As {@code FitOptions.earlyStopping}: stops when a metric stops improving (Keras's {@code EarlyStopping}). */
  public SparkFitOptions earlyStopping(EarlyStopping earlyStopping) {
    SparkFitOptions c = copy();
    c.earlyStopping = earlyStopping;
    return c;
  }

  /** As {@code FitOptions.onEpochEnd}: called on the driver with each epoch's result, after its checkpoint. */
  public SparkFitOptions onEpochEnd(Consumer<EpochResult> listener) {
    SparkFitOptions c = copy();
    c.onEpochEnd = listener;
    return c;
  }

  /** As {@code FitOptions.onStepEnd}: called on the driver after each step, after its checkpoint. */
  public SparkFitOptions onStepEnd(StepListener listener) {
    SparkFitOptions c = copy();
    c.onStepEnd = listener;
    return c;
  }

  /** As {@code FitOptions.metricsFile}: one JSON line per epoch, in a file on the driver's machine. */
  public SparkFitOptions metricsFile(Path file) {
    SparkFitOptions c = copy();
    c.metricsFile = file;
    return c;
  }

  public int epochs() { return epochs; }
  public int batchSize() { return batchSize; }
  public boolean shuffles() { return shuffle; }
  public long seed() { return seed; }
  public boolean progress() { return progress; }
  public LearningRateSchedule schedule() { return schedule; }
  public float maxGradientNorm() { return maxGradientNorm; }
  public Optional<Dataset> validation() { return Optional.ofNullable(validation); }
  public Optional<String> checkpointDirectory() { return Optional.ofNullable(checkpointDirectory); }
  /** The steps between checkpoints; 0 for one at each epoch's end only. */
  public int checkpointEverySteps() { return checkpointEverySteps; }
  public Aggregation aggregation() { return aggregation; }
  /** The tree's levels; 0 for as many as leave one gradient. */
  public int treeDepth() { return treeDepth; }
  public boolean skipsInvalidRows() { return skipInvalidRows; }
  public Optional<EarlyStopping> earlyStopping() { return Optional.ofNullable(earlyStopping); }
  public Optional<Consumer<EpochResult>> onEpochEnd() { return Optional.ofNullable(onEpochEnd); }
  public Optional<StepListener> onStepEnd() { return Optional.ofNullable(onStepEnd); }
  public Optional<Path> metricsFile() { return Optional.ofNullable(metricsFile); }

  @Override
  public String toString() {
    return "SparkFitOptions[epochs " + epochs + ", batchSize " + batchSize + (shuffle ? ", shuffle(" + seed + ")" : "")
        + (maxGradientNorm == Float.POSITIVE_INFINITY ? "" : ", maxGradientNorm " + maxGradientNorm)
        + (aggregation == Aggregation.TREE ? ", TREE" + (treeDepth > 0 ? " of depth " + treeDepth : "") : "")
        + (checkpointDirectory == null ? "" : ", checkpoints in " + checkpointDirectory
            + (checkpointEverySteps > 0 ? " every " + checkpointEverySteps + " steps" : ""))
        + (skipInvalidRows ? ", skipInvalidRows" : "")
        + "]";
  }
}
