package dev.kiln.spark;

import dev.kiln.runtime.ClassIndexTrainer;
import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.KilnTrainer;
import dev.kiln.runtime.optim.GradientClipping;
import dev.kiln.runtime.optim.Optimizer;
import dev.kiln.runtime.optim.OptimizerState;
import dev.kiln.runtime.optim.Sgd;
import dev.kiln.runtime.train.EpochResult;
import dev.kiln.runtime.train.TrainingDivergedException;
import dev.kiln.runtime.train.TrainingHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.StorageLevels;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * Synchronous data-parallel training of a generated model on Spark, equal to training it in one JVM.
 *
 * <p>Each step the driver broadcasts the parameters (and buffers); inside {@code mapPartitions} each partition
 * makes a model from them, a trainer from that, and runs the trainer's gradient-only entry,
 * {@code sumGradients}, on its slice of the step; the driver adds the partitions' gradient sums, losses and
 * weights in partition order, divides as the loss's reduction says, and updates the parameters with the
 * optimizer's own code, the code {@code trainer.step} runs. So a step on Spark is {@code trainer.step} on the
 * partitions' slices concatenated in partition order, to float rounding.
 *
 * <p>Limits: batch normalization normalizes with each partition's statistics, not the step's (the running
 * statistics the driver keeps are the partitions' averaged); dropout masks are seeded per (seed, partition,
 * step), so they differ from one JVM's.
 */
public final class KilnSpark {
  private KilnSpark() {}

  /**
   * Trains {@code model}'s parameters, in place on the driver, on {@code data} as {@code options} say. Every
   * epoch cuts each partition's rows (shuffled first when asked) into consecutive slices, step i taking slice i
   * of every partition (see {@link SparkFitOptions#batchSize}). The data is packed and cached, one array per
   * partition, for the length of the call. Returns what each epoch measured: the mean loss of its steps,
   * weighted by their rows, and for class labels the accuracy on {@code data} after it.
   *
   * @param <M> a model Kiln generated (such as {@code BlobNetModel}), whose class the executors can load
   * @throws IllegalArgumentException when {@code model} is not a generated model or a row does not fit it
   * @throws TrainingDivergedException when a step's loss is NaN or infinite, the parameters as before that step
   */
  public static <M extends KilnModel> TrainingHistory fit(M model, Optimizer optimizer, JavaRDD<Example> data,
      SparkFitOptions options) {
    if (model == null || optimizer == null || data == null || options == null) {
      throw new IllegalArgumentException("model, optimizer, data and options are required; one is null");
    }
    @SuppressWarnings("unchecked")
    Class<? extends KilnModel> modelClass = (Class<? extends KilnModel>) model.getClass();
    WorkerModels.check(modelClass);
    KilnTrainer probe = model.trainer(Sgd.lr(1f));
    RowShape shape = new RowShape(model.inputSize(), probe instanceof ClassIndexTrainer, model.outputSize());
    OptimizerState state = optimizer.newState(model.parameters().length);
    JavaSparkContext spark = JavaSparkContext.fromSparkContext(data.context());

    JavaRDD<PartitionRows> packing = data
        .mapPartitionsWithIndex((p, examples) -> List.of(PartitionRows.pack(p, examples, shape)).iterator(), true);
    if (Lineage.carriesRowsInPartitions(data.rdd())) {
      // Every task of every step would ship the rows inside its partition: one shuffle, each block to the
      // partition of its own index, leaves tasks with light partitions and a lineage that still recomputes.
      int partitions = packing.getNumPartitions();
      packing = packing.mapToPair(rows -> new Tuple2<>(rows.partition, rows))
          .partitionBy(new HashPartitioner(partitions))
          .values();
    }
    JavaRDD<PartitionRows> packed = packing.persist(StorageLevels.MEMORY_ONLY);
    try {
      List<Integer> counts = sparkJob(() -> PartitionJob.run(packed.rdd(), Integer.class, rows -> rows.rows));
      long[] partitionRows = counts.stream().mapToLong(Integer::longValue).toArray();
      StepPlan plan = StepPlan.of(partitionRows, options.batchSize());
      return new Training(model, modelClass, state, spark, packed, plan, options, shape.labels()).run();
    } finally {
      packed.unpersist(false);
    }
  }

  /** One call of {@link #fit}: its epochs and steps. */
  private static final class Training {
    private final KilnModel model;
    private final Class<? extends KilnModel> modelClass;
    private final OptimizerState optimizer;
    private final JavaSparkContext spark;
    private final JavaRDD<PartitionRows> packed;
    private final StepPlan plan;
    private final SparkFitOptions options;
    private final boolean labels;
    private long globalStep;

    Training(KilnModel model, Class<? extends KilnModel> modelClass, OptimizerState optimizer, JavaSparkContext spark,
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
        epochs.add(new EpochResult(epoch, lossSum / total, lr, accuracy, Double.NaN, seconds, total / seconds));
      }
      return new TrainingHistory(epochs);
    }

    /** One step's job: the broadcast, every partition's gradient sum, their total in partition order. */
    private GradientTotal step(StepKey key) {
      Broadcast<ModelState> state = spark.broadcast(ModelState.of(model));
      try {
        Class<? extends KilnModel> modelClass = this.modelClass;
        StepPlan plan = this.plan;
        List<PartitionGradient> partitions = sparkJob(() -> PartitionJob.run(packed.rdd(), PartitionGradient.class,
            rows -> GradientWorker.step(rows, modelClass, state, plan, key)));
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
        List<long[]> counts = sparkJob(() -> PartitionJob.run(packed.rdd(), long[].class,
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

  /**
   * Runs a Spark job; a row that does not fit the model fails its task on an executor, and comes back here as
   * the {@link IllegalArgumentException} it was, not wrapped in Spark's report of the failed stage.
   */
  private static <T> T sparkJob(Supplier<T> job) {
    try {
      return job.get();
    } catch (Exception e) { // Spark's SparkException is checked, yet undeclared by the Java API
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        StackTraceElement[] trace = cause.getStackTrace();
        if (cause instanceof IllegalArgumentException && trace.length > 0
            && trace[0].getClassName().startsWith("dev.kiln.")) {
          throw new IllegalArgumentException(cause.getMessage(), e);
        }
      }
      throw KilnSpark.<RuntimeException>rethrow(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Exception> E rethrow(Exception e) throws E {
    throw (E) e;
  }
}
