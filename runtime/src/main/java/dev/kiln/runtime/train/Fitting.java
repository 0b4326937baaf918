package dev.kiln.runtime.train;

import dev.kiln.runtime.ClassIndexTrainer;
import dev.kiln.runtime.FloatTargetTrainer;
import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.KilnTrainer;
import dev.kiln.runtime.data.Dataset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.SplittableRandom;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * The training loop behind every generated trainer's {@code fit}: epochs of shuffled mini-batches,
 * measured. Call it directly for a trainer known only as a {@link KilnTrainer}.
 */
public final class Fitting {
  private Fitting() {}

  /**
   * Trains {@code trainer} on {@code data} as {@code options} say: epochs of shuffled mini-batches, the
   * learning rate of each epoch from the schedule, a console progress bar. Returns what each epoch measured.
   *
   * @throws TrainingDivergedException when a loss turns NaN or infinite, naming the epoch and step, with
   *     the parameters as they were before that step
   */
  public static TrainingHistory fit(KilnTrainer trainer, Dataset data, FitOptions options) {
    KilnModel model = trainer.model();
    if (data.width() != model.inputSize()) {
      throw new IllegalArgumentException("the dataset has " + data.width() + " features per row; the model takes "
          + model.inputSize());
    }
    if (data.hasTokens() != model.readsTokens()) {
      throw new IllegalArgumentException(data.hasTokens()
          ? "the dataset holds token ids, but the model reads floats; expected a dataset made with Dataset.ofClasses"
          : "the dataset holds floats, but the model reads token ids; expected a dataset made with Dataset.ofTokens");
    }
    boolean classes = data.hasLabels();
    if (classes && !(trainer instanceof ClassIndexTrainer)) {
      throw new IllegalArgumentException("the dataset has class labels, but the model's loss takes float targets;"
          + " expected a dataset made with Dataset.ofTargets");
    }
    if (!classes && !(trainer instanceof FloatTargetTrainer)) {
      throw new IllegalArgumentException("the dataset has float targets, but the model's loss takes class indices;"
          + " expected a dataset made with Dataset.ofClasses");
    }
    if (!classes && data.targetWidth() != model.outputSize()) {
      throw new IllegalArgumentException("the dataset has " + data.targetWidth() + " targets per row; the model has "
          + model.outputSize() + " outputs");
    }
    if (options.checkpointEverySteps() > 0 && options.checkpointDirectory().isEmpty()) {
      throw new IllegalArgumentException("checkpointEverySteps(" + options.checkpointEverySteps()
          + ") needs a checkpointDirectory to write them to");
    }
    Dataset validationData = options.validation().orElse(null);
    FitHooks.checkMetrics(options.earlyStopping().orElse(null), options.schedule(), validationData != null,
        validationData != null && validationData.hasLabels());
    Augment augment = options.augment().orElse(null);
    int[] shape = augment == null ? null : imageShape(data, augment);
    if (options.maxGradientNorm() != Float.POSITIVE_INFINITY) {
      trainer.setMaxGradientNorm(options.maxGradientNorm());
    }
    double baseLr = trainer.learningRate();
    int size = data.size();
    int batch = Math.min(options.batchSize(), size);
    boolean tokens = data.hasTokens();
    float[] x = tokens ? null : new float[batch * data.width()];
    int[] ids = tokens ? new int[batch * data.width()] : null;
    int[] labels = classes ? new int[batch * data.labelWidth()] : null;
    float[] targets = classes ? null : new float[batch * data.targetWidth()];
    int tail = size % batch;
    float[] tailX = tokens ? null : new float[tail * data.width()];
    int[] tailIds = tokens ? new int[tail * data.width()] : null;
    int[] tailLabels = classes ? new int[tail * data.labelWidth()] : null;
    float[] tailTargets = classes ? null : new float[tail * data.targetWidth()];
    float[] scratch = augment == null ? null : new float[data.width()];
    FitHooks hooks = new FitHooks(model, options.earlyStopping().orElse(null), options.schedule(),
        options.onEpochEnd().orElse(null), options.onStepEnd().orElse(null), options.metricsFile().orElse(null));
    Path directory = options.checkpointDirectory().orElse(null);
    Path bestWeights = directory == null ? null : directory.resolve(BEST_WEIGHTS);
    FitProgress resumed = FitProgress.start(baseLr);
    Map<String, String> run = FitCheckpoints.run(batch, options.shuffleSeed(), size);
    if (directory != null) {
      resumed = FitCheckpoints.resume(trainer, directory, run).orElse(resumed);
      baseLr = resumed.baseLr();
    }
    // A fresh run starts its metrics file anew; a resumed one takes back its checkpoint's epochs and state.
    hooks.resume(resumed, bestWeights);
    SplittableRandom random = new SplittableRandom(options.shuffleSeed());
    // The shuffles of the epochs a resumed run has done, drawn again so that the next ones are the same.
    for (int epoch = 1; epoch < resumed.epoch(); epoch++) Dataset.permutation(size, random);
    List<EpochResult> epochs = new ArrayList<>(resumed.history());
    long stepsDone = resumed.steps();
    for (int epoch = resumed.epoch(); epoch <= options.epochs() && !hooks.stopped(); epoch++) {
      float lr = (float) hooks.learningRate(baseLr, epoch);
      trainer.setLearningRate(lr);
      int[] order = Dataset.permutation(size, random);
      int steps = (size + batch - 1) / batch;
      boolean resuming = epoch == resumed.epoch();
      int firstStep = resuming ? resumed.step() : 0;
      double lossSum = resuming ? resumed.lossSum() : 0;
      double secondsBefore = resuming ? resumed.seconds() : 0;
      long start = System.nanoTime();
      try (ProgressBar bar = options.progress() ? progressBar(epoch, options.epochs(), steps) : null) {
        if (bar != null) bar.stepTo(firstStep);
        for (int step = firstStep, from = firstStep * batch; from < size; step++, from += batch) {
          int rows = Math.min(batch, size - from);
          float[] bx = rows == batch ? x : tailX;
          float loss;
          if (tokens) {
            int[] bt = rows == batch ? ids : tailIds;
            int[] by = rows == batch ? labels : tailLabels;
            data.copyBatch(order, from, rows, bt, by);
            loss = ((ClassIndexTrainer) trainer).step(bt, by);
          } else if (classes) {
            int[] by = rows == batch ? labels : tailLabels;
            data.copyBatch(order, from, rows, bx, by);
            if (augment != null) augment.apply(bx, rows, shape, augmentRandom(options, epoch, step), scratch);
            loss = ((ClassIndexTrainer) trainer).step(bx, by);
          } else {
            float[] by = rows == batch ? targets : tailTargets;
            data.copyBatch(order, from, rows, bx, by);
            if (augment != null) augment.apply(bx, rows, shape, augmentRandom(options, epoch, step), scratch);
            loss = ((FloatTargetTrainer) trainer).step(bx, by);
          }
          if (!Float.isFinite(loss)) {
            throw new TrainingDivergedException(epoch, step + 1, loss);
          }
          lossSum += (double) loss * rows;
          stepsDone++;
          // Also after an epoch's last step, although the epoch's own checkpoint follows: a step listener that
          // throws there leaves a checkpoint of every step it has seen.
          if (options.checkpointEverySteps() > 0 && stepsDone % options.checkpointEverySteps() == 0) {
            FitCheckpoints.save(trainer, directory, new FitProgress(epoch, step + 1, stepsDone, lossSum,
                secondsBefore + (System.nanoTime() - start) / 1e9, baseLr, epochs, hooks.state()), run);
          }
          hooks.stepEnded(stepsDone, loss);
          if (bar != null) {
            bar.step();
            if (step % 16 == 0 || from + rows == size) {
              bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4f, %,.0f samples/s", lossSum / (from + rows),
                  (from + rows) / ((System.nanoTime() - start) / 1e9)));
            }
          }
        }
      }
      double seconds = secondsBefore + (System.nanoTime() - start) / 1e9;
      double accuracy = classes ? Accuracy.of(model, data, augment, shape) : Double.NaN;
      // The validation loss and accuracy from one forward pass over the validation data.
      Evaluation.Measures measured = validationData == null ? new Evaluation.Measures(Double.NaN, Double.NaN)
          : Evaluation.measure(trainer, validationData, augment, shape);
      double validation = measured.accuracy();
      double validationLoss = measured.loss();
      EpochResult result = new EpochResult(epoch, lossSum / size, lr, accuracy, validation, seconds, size / seconds,
          validationLoss);
      epochs.add(result);
      boolean stop = hooks.epochEnded(result);
      if (directory != null) {
        hooks.saveBestWeights(bestWeights);
        FitCheckpoints.save(trainer, directory,
            new FitProgress(epoch + 1, 0, stepsDone, 0, 0, baseLr, epochs, hooks.state()), run);
      }
      hooks.afterEpoch(result);
      if (stop) break;
    }
    return hooks.finish(epochs);
  }

  /** The file in a checkpoint directory that keeps early stopping's best weights, for a resumed run to restore. */
  static final String BEST_WEIGHTS = "best-weights.safetensors";

  /** The draws of a batch's crops and flips: from the shuffle seed, the epoch and the step, so a resumed run repeats them. */
  private static SplittableRandom augmentRandom(FitOptions options, int epoch, int step) {
    return new SplittableRandom(new SplittableRandom(options.shuffleSeed() ^ 0x5DEECE66DL).split().nextLong()
        + 0x9E3779B97F4A7C15L * epoch + 0xC2B2AE3D27D4EB4FL * step);
  }

  private static int[] imageShape(Dataset data, Augment augment) {
    int[] shape = data.imageShape().orElseThrow(() -> new IllegalArgumentException("augment needs the rows' shape"
        + " as images; expected a dataset made by Dataset.fromImageFolder or fromIdx, or dataset.withImageShape("
        + "channels, height, width)"));
    if (data.hasTokens()) throw new IllegalArgumentException("augment works on images; this dataset holds token ids");
    augment.check(shape);
    return shape;
  }

  private static ProgressBar progressBar(int epoch, int epochs, int steps) {
    // No unit and no ETA: an epoch takes seconds, and output piped through Maven counts as 80 columns
    // wide, which the loss and the rate must fit in beside a bar that is still visible.
    return new ProgressBarBuilder().setTaskName("epoch " + epoch + "/" + epochs).setInitialMax(steps).hideEta()
        .build();
  }
}
