package dev.kiln.spark;

import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.KilnTrainer;
import dev.kiln.runtime.data.Dataset;
import dev.kiln.runtime.train.EpochResult;
import dev.kiln.runtime.train.Evaluation;
import dev.kiln.runtime.train.FitHooks;
import dev.kiln.runtime.train.FitCheckpoints;
import dev.kiln.runtime.train.FitProgress;
import dev.kiln.runtime.train.TrainingDivergedException;
import dev.kiln.runtime.train.TrainingHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * One call of {@link KilnSpark#fit}: its epochs and steps, each a broadcast, a job and an update on the driver,
 * the update made by {@code trainer}, a trainer of the driver's model, so that its checkpoints are those
 * {@code fit} writes.
 */
final class SparkTraining {
  private final KilnModel model;
  private final Class<? extends KilnModel> modelClass;
  private final KilnTrainer trainer;
  private final JavaSparkContext spark;
  private final JavaRDD<PartitionRows> packed;
  private final StepPlan plan;
  private final SparkFitOptions options;
  private final boolean labels;
  private final Map<String, String> run;
  private long globalStep;

  SparkTraining(KilnModel model, Class<? extends KilnModel> modelClass, KilnTrainer trainer, JavaSparkContext spark,
      JavaRDD<PartitionRows> packed, StepPlan plan, SparkFitOptions options, boolean labels) {
    this.model = model;
    this.modelClass = modelClass;
    this.trainer = trainer;
    this.spark = spark;
    this.packed = packed;
    this.plan = plan;
    this.options = options;
    this.labels = labels;
    this.run = run(plan, options);
  }

  /**
   * What a run's steps depend on besides the trainer, as its checkpoints record it: {@code fit}'s batch size,
   * shuffle seed and rows, and how the rows lie in partitions.
   */
  private static Map<String, String> run(StepPlan plan, SparkFitOptions options) {
    Map<String, String> run = FitCheckpoints.run(options.batchSize(), options.seed(), plan.totalRows());
    run.put("kiln.spark.shuffled", Boolean.toString(options.shuffles()));
    run.put("kiln.spark.partitions", Integer.toString(plan.rows().length));
    return run;
  }

  TrainingHistory run() {
    SparkCheckpoints checkpoints = options.checkpointDirectory()
        .map(uri -> SparkCheckpoints.open(uri, spark.hadoopConfiguration())).orElse(null);
    try {
      return run(checkpoints);
    } finally {
      if (checkpoints != null) checkpoints.close();
    }
  }

  private TrainingHistory run(SparkCheckpoints checkpoints) {
    Dataset validationData = options.validation().orElse(null);
    FitHooks hooks = new FitHooks(model, options.earlyStopping().orElse(null), options.schedule(),
        options.onEpochEnd().orElse(null), options.onStepEnd().orElse(null), options.metricsFile().orElse(null));
    FitProgress resumed = FitProgress.start(trainer.learningRate());
    if (checkpoints != null) resumed = checkpoints.resume(trainer, run).orElse(resumed);
    hooks.resume(resumed, checkpoints == null ? null : checkpoints.bestWeights());
    double baseLr = resumed.baseLr();
    long total = plan.totalRows();
    List<EpochResult> epochs = new ArrayList<>(resumed.history());
    globalStep = resumed.steps();
    for (int epoch = resumed.epoch(); epoch <= options.epochs() && !hooks.stopped(); epoch++) {
      float lr = (float) hooks.learningRate(baseLr, epoch);
      trainer.setLearningRate(lr);
      boolean resuming = epoch == resumed.epoch();
      int firstStep = resuming ? resumed.step() : 0;
      double lossSum = resuming ? resumed.lossSum() : 0;
      double secondsBefore = resuming ? resumed.seconds() : 0;
      long seen = rowsBefore(firstStep);
      long start = System.nanoTime();
      try (ProgressBar bar = options.progress() ? progressBar(epoch) : null) {
        if (bar != null) bar.stepTo(firstStep);
        for (int step = firstStep + 1; step <= plan.steps(); step++) {
          GradientTotal sum = step(new StepKey(epoch, step, globalStep, options.shuffles(), options.seed()), checkpoints);
          float loss = sum.reducedLoss();
          if (!Float.isFinite(loss)) throw new TrainingDivergedException(epoch, step, loss);
          sum.reduce();
          System.arraycopy(sum.gradients, 0, trainer.gradients(), 0, sum.gradients.length);
          trainer.applyGradients();
          System.arraycopy(sum.buffers, 0, model.buffers(), 0, sum.buffers.length);
          if (sum.longBuffers != null) {
            System.arraycopy(sum.longBuffers, 0, model.longBuffers(), 0, sum.longBuffers.length);
          }
          globalStep++;
          lossSum += (double) loss * sum.rows;
          seen += sum.rows;
          // Also after an epoch's last step, although the epoch's own checkpoint follows: a step listener that
          // throws there leaves a checkpoint of every step it has seen.
          if (checkpoints != null && options.checkpointEverySteps() > 0
              && globalStep % options.checkpointEverySteps() == 0) {
            checkpoints.save(trainer, new FitProgress(epoch, step, globalStep, lossSum,
                secondsBefore + (System.nanoTime() - start) / 1e9, baseLr, epochs, hooks.state()), run);
          }
          hooks.stepEnded(globalStep, loss);
          if (bar != null) {
            bar.step();
            bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4f, %,.0f samples/s", lossSum / seen,
                seen / ((System.nanoTime() - start) / 1e9)));
          }
        }
      }
      double seconds = secondsBefore + (System.nanoTime() - start) / 1e9;
      double accuracy = labels ? accuracy(epoch, checkpoints) : Double.NaN;
      // The validation loss and accuracy from one forward pass on the driver.
      Evaluation.Measures measured = validationData == null ? new Evaluation.Measures(Double.NaN, Double.NaN)
          : Evaluation.measure(trainer, validationData);
      double validation = measured.accuracy();
      double validationLoss = measured.loss();
      EpochResult result = new EpochResult(epoch, lossSum / total, lr, accuracy, validation, seconds,
          total / seconds, validationLoss);
      epochs.add(result);
      boolean stop = hooks.epochEnded(result);
      if (checkpoints != null) {
        checkpoints.saveBestWeights(hooks);
        checkpoints.save(trainer, new FitProgress(epoch + 1, 0, globalStep, 0, 0, baseLr, epochs, hooks.state()), run);
      }
      hooks.afterEpoch(result);
      if (stop) break;
    }
    return hooks.finish(epochs);
  }

  /** The rows an epoch's first {@code steps} steps took. */
  private long rowsBefore(int steps) {
    long rows = 0;
    for (int p = 0; p < plan.rows().length; p++) rows += plan.from(p, steps);
    return rows;
  }

  /**
   * One step's job: the broadcast, every partition's gradient sum, their total in a fixed order. A job Spark
   * gives up on (its tasks failed {@code spark.task.maxFailures} times) is an {@link IllegalStateException}
   * naming the step and the checkpoints, with Spark's exception as its cause.
   */
  private GradientTotal step(StepKey key, SparkCheckpoints checkpoints) {
    Broadcast<ModelState> state = spark.broadcast(ModelState.of(model));
    try {
      Class<? extends KilnModel> modelClass = this.modelClass;
      StepPlan plan = this.plan;
      List<PartitionGradient> partitions = job(() -> switch (options.aggregation()) {
        case ORDERED -> PartitionJob.run(packed.rdd(), PartitionGradient.class,
            rows -> GradientWorker.step(rows, modelClass, state, plan, key));
        case TREE -> GradientTree.step(packed, modelClass, state, plan, key,
            options.treeDepth() > 0 ? options.treeDepth() : GradientTree.fullDepth(packed.getNumPartitions()));
      }, "step " + key.step() + " of epoch " + key.epoch(), "; the parameters are as before it", checkpoints);
      return GradientTotal.of(partitions, model.parameters().length, model.buffers().length);
    } finally {
      state.destroy();
    }
  }

  /**
   * The share of the rows whose class the model now predicts: one job. A job Spark gives up on is an
   * {@link IllegalStateException} as a step's is.
   */
  private double accuracy(int epoch, SparkCheckpoints checkpoints) {
    Broadcast<ModelState> state = spark.broadcast(ModelState.of(model));
    try {
      Class<? extends KilnModel> modelClass = this.modelClass;
      List<long[]> counts = job(() -> PartitionJob.run(packed.rdd(), long[].class,
          rows -> GradientWorker.correct(rows, modelClass, state)), "measuring the accuracy after epoch " + epoch, "",
          checkpoints);
      long correct = counts.stream().mapToLong(c -> c[0]).sum();
      long counted = counts.stream().mapToLong(c -> c[1]).sum();
      return counted == 0 ? Double.NaN : (double) correct / counted;
    } finally {
      state.destroy();
    }
  }

  /**
   * Runs a Spark job through {@link SparkFailures#rethrowingOurs}; a job Spark gives up on is an
   * {@link IllegalStateException} saying what failed ({@code what}), what that left ({@code left}, may be
   * empty) and where the checkpoints are, with Spark's exception as its cause.
   */
  private static <T> T job(Supplier<T> job, String what, String left, SparkCheckpoints checkpoints) {
    try {
      return SparkFailures.rethrowingOurs(job);
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (Exception e) { // Spark's SparkException is checked, yet undeclared by the Java API
      throw new IllegalStateException(what + " failed on Spark (" + e.getClass().getSimpleName() + ")" + left
          + (checkpoints == null ? "" : (left.isEmpty() ? "; " : ", and ") + checkpoints.where()
              + " holds the checkpoints written so far, from which KilnSpark.fit resumes when run again"), e);
    }
  }

  private ProgressBar progressBar(int epoch) {
    return new ProgressBarBuilder().setTaskName("epoch " + epoch + "/" + options.epochs())
        .setInitialMax(plan.steps()).hideEta().build();
  }
}
