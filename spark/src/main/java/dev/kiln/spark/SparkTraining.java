package dev.kiln.spark;

import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.data.Dataset;
import dev.kiln.runtime.eval.ConfusionMatrix;
import dev.kiln.runtime.optim.GradientClipping;
import dev.kiln.runtime.optim.OptimizerState;
import dev.kiln.runtime.train.EpochResult;
import dev.kiln.runtime.train.TrainingDivergedException;
import dev.kiln.runtime.train.TrainingHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/** One call of {@link KilnSpark#fit}: its epochs and steps, each a broadcast, a job and an update on the driver. */
final class SparkTraining {
  private final KilnModel model;
  private final Class<? extends KilnModel> modelClass;
  private final OptimizerState optimizer;
  private final JavaSparkContext spark;
  private final JavaRDD<PartitionRows> packed;
  private final StepPlan plan;
  private final SparkFitOptions options;
  private final boolean labels;
  private long globalStep;

  SparkTraining(KilnModel model, Class<? extends KilnModel> modelClass, OptimizerState optimizer, JavaSparkContext spark,
      JavaRDD<PartitionRows> packed, StepPlan plan, SparkFitOptions options, boolean labels) {
    this.model = model;
    this.modelClass = modelClass;
    this.optimizer = optimizer;
    this.spark = spark;
    this.packed = packed;
    this.plan = plan;
    this.options = options;
    this.labels = labels;
  }

  TrainingHistory run() {
    double baseLr = optimizer.learningRate();
    long total = plan.totalRows();
    List<EpochResult> epochs = new ArrayList<>();
    for (int epoch = 1; epoch <= options.epochs(); epoch++) {
      float lr = (float) options.schedule().learningRate(baseLr, epoch - 1);
      optimizer.learningRate(lr);
      double lossSum = 0;
      long seen = 0;
      long start = System.nanoTime();
      try (ProgressBar bar = options.progress() ? progressBar(epoch) : null) {
        for (int step = 1; step <= plan.steps(); step++) {
          GradientTotal sum = step(new StepKey(epoch, step, globalStep, options.shuffles(), options.seed()));
          float loss = sum.reducedLoss();
          if (!Float.isFinite(loss)) throw new TrainingDivergedException(epoch, step, loss);
          sum.reduce();
          if (options.maxGradientNorm() != Float.POSITIVE_INFINITY) {
            GradientClipping.clipByGlobalNorm(sum.gradients, options.maxGradientNorm());
          }
          optimizer.step(model.parameters(), sum.gradients);
          System.arraycopy(sum.buffers, 0, model.buffers(), 0, sum.buffers.length);
          if (sum.longBuffers != null) {
            System.arraycopy(sum.longBuffers, 0, model.longBuffers(), 0, sum.longBuffers.length);
          }
          globalStep++;
          lossSum += (double) loss * sum.rows;
          seen += sum.rows;
          if (bar != null) {
            bar.step();
            bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4f, %,.0f samples/s", lossSum / seen,
                seen / ((System.nanoTime() - start) / 1e9)));
          }
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double accuracy = labels ? accuracy() : Double.NaN;
      double validation = options.validation().filter(Dataset::hasLabels)
          .map(v -> ConfusionMatrix.of(v.hasTokens() ? model.predict(v.tokens()) : model.predict(v.features()),
              v.labels(), model.outputSize()).accuracy())
          .orElse(Double.NaN);
      epochs.add(new EpochResult(epoch, lossSum / total, lr, accuracy, validation, seconds, total / seconds));
    }
    return new TrainingHistory(epochs);
  }

  /** One step's job: the broadcast, every partition's gradient sum, their total in partition order. */
  private GradientTotal step(StepKey key) {
    Broadcast<ModelState> state = spark.broadcast(ModelState.of(model));
    try {
      Class<? extends KilnModel> modelClass = this.modelClass;
      StepPlan plan = this.plan;
      List<PartitionGradient> partitions = SparkFailures.rethrowingOurs(() -> PartitionJob.run(packed.rdd(),
          PartitionGradient.class, rows -> GradientWorker.step(rows, modelClass, state, plan, key)));
      return GradientTotal.of(partitions, model.parameters().length, model.buffers().length);
    } finally {
      state.destroy();
    }
  }

  /** The share of the rows whose class the model now predicts: one job. */
  private double accuracy() {
    Broadcast<ModelState> state = spark.broadcast(ModelState.of(model));
    try {
      Class<? extends KilnModel> modelClass = this.modelClass;
      List<long[]> counts = SparkFailures.rethrowingOurs(() -> PartitionJob.run(packed.rdd(), long[].class,
          rows -> GradientWorker.correct(rows, modelClass, state)));
      long correct = counts.stream().mapToLong(c -> c[0]).sum();
      long counted = counts.stream().mapToLong(c -> c[1]).sum();
      return counted == 0 ? Double.NaN : (double) correct / counted;
    } finally {
      state.destroy();
    }
  }

  private ProgressBar progressBar(int epoch) {
    return new ProgressBarBuilder().setTaskName("epoch " + epoch + "/" + options.epochs())
        .setInitialMax(plan.steps()).hideEta().build();
  }
}
