package dev.kiln.spark;

import dev.kiln.runtime.ClassIndexTrainer;
import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.KilnTrainer;
import dev.kiln.runtime.data.Dataset;
import dev.kiln.runtime.optim.Optimizer;
import dev.kiln.runtime.train.FitHooks;
import dev.kiln.runtime.train.TrainingDivergedException;
import dev.kiln.runtime.train.TrainingHistory;
import java.util.List;
import java.util.logging.Logger;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.StorageLevels;
import scala.Tuple2;

/**
 * Synchronous data-parallel training of a generated model on Spark, equal to training it in one JVM.
 *
 * <p>Each step the driver broadcasts the parameters (and buffers); in one task per partition (the function
 * {@code mapPartitions} would run, through {@code SparkContext.runJob}) each partition makes a model from
 * them, a trainer from that, and runs the trainer's gradient-only entry, {@code sumGradients}, on its slice
 * of the step; the driver adds the partitions' gradient sums, losses and
 * weights in partition order, divides as the loss's reduction says, and updates the parameters with the
 * optimizer's own code, the code {@code trainer.step} runs. So a step on Spark is {@code trainer.step} on the
 * partitions' slices concatenated in partition order, to float rounding.
 *
 * <p>Limits: batch normalization normalizes with each partition's statistics, not the step's (the running
 * statistics the driver keeps are the partitions' averaged); dropout masks are seeded per (seed, partition,
 * step), so they differ from one JVM's.
 */
public final class KilnSpark {
  private static final Logger LOG = Logger.getLogger(KilnSpark.class.getName());

  private KilnSpark() {}

  /**
   * Trains {@code model}'s parameters, in place on the driver, on {@code data} as {@code options} say. Every
   * epoch cuts each partition's rows (shuffled first when asked) into consecutive slices, step i taking slice i
   * of every partition (see {@link SparkFitOptions#batchSize}). The data is packed and cached, one array per
   * partition, for the length of the call; every row is checked before the first step (see
   * {@link SparkFitOptions#skipInvalidRows}). With a {@link SparkFitOptions#checkpointDirectory} the driver
   * writes checkpoints and, on start, resumes from the newest readable one at its epoch and step. Returns what
   * each epoch measured: the mean loss of its steps, weighted by their rows, and for class labels the accuracy
   * on {@code data} after it.
   *
   * @param <M> a model Kiln generated (such as {@code BlobNetModel}), whose class the executors can load
   * @throws IllegalArgumentException when {@code model} is not a generated model, a row does not fit it
   *     (naming the partition, the row's index in it and the value), or the newest checkpoint is of another run
   * @throws IllegalStateException when Spark gives up on a step's job, with Spark's exception as its cause
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
    options.validation().filter(v -> v.width() != model.inputSize()).ifPresent(v -> {
      throw new IllegalArgumentException("the validation data has " + v.width() + " features per row; the model takes "
          + model.inputSize());
    });
    if (options.checkpointEverySteps() > 0 && options.checkpointDirectory().isEmpty()) {
      throw new IllegalArgumentException("checkpointEverySteps(" + options.checkpointEverySteps()
          + ") needs a checkpointDirectory to write them to");
    }
    Dataset validation = options.validation().orElse(null);
    FitHooks.checkMetrics(options.earlyStopping().orElse(null), options.schedule(), validation != null,
        validation != null && validation.hasLabels());
    KilnTrainer trainer = model.trainer(optimizer);
    if (options.maxGradientNorm() != Float.POSITIVE_INFINITY) trainer.setMaxGradientNorm(options.maxGradientNorm());
    boolean labels = trainer instanceof ClassIndexTrainer;
    RowShape shape = new RowShape(model.inputSize(), labels, model.outputSize(), model.readsTokens(),
        labels ? ((ClassIndexTrainer) trainer).ignoreIndex() : 0);
    JavaSparkContext spark = JavaSparkContext.fromSparkContext(data.context());
    ResultSize.adviseOn(spark.getConf(), model.parameters().length);

    boolean skipInvalid = options.skipsInvalidRows();
    JavaRDD<PartitionRows> packing = data.mapPartitionsWithIndex(
        (p, examples) -> List.of(PartitionRows.pack(p, examples, shape, skipInvalid)).iterator(), true);
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
      // Packs every partition, checking every row, before the first step.
      List<int[]> counts = SparkFailures.rethrowingOurs(() -> PartitionJob.run(packed.rdd(), int[].class,
          rows -> new int[] {rows.rows, rows.skipped}));
      long[] partitionRows = new long[counts.size()];
      for (int p = 0; p < partitionRows.length; p++) {
        partitionRows[p] = counts.get(p)[0];
        if (counts.get(p)[1] > 0) {
          LOG.warning("skipping " + counts.get(p)[1] + " invalid rows of partition " + p + " (skipInvalidRows)");
        }
      }
      StepPlan plan = StepPlan.of(partitionRows, options.batchSize());
      return new SparkTraining(model, modelClass, trainer, spark, packed, plan, options, labels).run();
    } finally {
      packed.unpersist(false);
    }
  }

}
