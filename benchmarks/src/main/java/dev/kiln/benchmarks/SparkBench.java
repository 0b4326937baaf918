package dev.kiln.benchmarks;

import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.data.Dataset;
import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.train.FitOptions;
import dev.kiln.runtime.train.Fitting;
import dev.kiln.runtime.train.TrainingHistory;
import dev.kiln.samples.fashion.MlpModel;
import dev.kiln.spark.Example;
import dev.kiln.spark.KilnSpark;
import dev.kiln.spark.Aggregation;
import dev.kiln.spark.SparkFitOptions;
import dev.kiln.spark.testing.LocalCluster;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import scala.reflect.ClassTag$;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.StorageLevels;
import org.apache.spark.broadcast.Broadcast;
import scala.runtime.AbstractFunction2;

/**
 * {@code KilnSpark.fit} on {@code local[N]} against the same training in one JVM ({@code trainer.fit}), in one
 * run: the 784-128-10 and 784-512-512-10 MLPs with Adam on Fashion-MNIST-sized random data, at several batch
 * sizes; and the fixed cost of one Spark step, taken apart: an empty job, a job that broadcasts the parameters,
 * and one that also collects a parameter-sized array from every partition, then {@code KilnSpark.fit}'s own step
 * with each {@link Aggregation}. One JSON line per measurement.
 *
 * <p>Usage: {@code SparkBench [--rows N] [--partitions P] [--batches 256,1024] [--nets mnist,mlp] [--epochs E]
 * [--fixed-only] [--master local-cluster[2,1,2048]]}; {@code local[P]} runs P partitions on P threads, and
 * {@code local-cluster} on executors that are JVMs of their own. Spark's scheduler is warmed up by a thousand
 * empty jobs first.
 */
public final class SparkBench {
  private SparkBench() {}

  public static void main(String[] args) {
    int rows = 60_000;
    int partitions = 2;
    int epochs = 2;
    int[] batches = {256, 1024, 4096, 60_000};
    List<String> nets = List.of("mnist", "mlp");
    boolean fixedOnly = false;
    String master = null;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--rows" -> rows = Integer.parseInt(args[i + 1]);
        case "--partitions" -> partitions = Integer.parseInt(args[i + 1]);
        case "--epochs" -> epochs = Integer.parseInt(args[i + 1]);
        case "--batches" -> batches = Arrays.stream(args[i + 1].split(",")).mapToInt(Integer::parseInt).toArray();
        case "--nets" -> nets = List.of(args[i + 1].split(","));
        case "--master" -> master = args[i + 1];
        case "--fixed-only" -> {
          fixedOnly = true;
          i--;
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; expected --rows, --partitions, --batches, --nets or --epochs");
      }
    }
    Dataset data = randomImages(rows, 7);
    SparkConf conf = new SparkConf().setMaster(master == null ? "local[" + partitions + "]" : master)
        .setAppName("kiln-spark-bench")
        .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false")
        .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
    if (master != null && master.startsWith("local-cluster")) LocalCluster.executorJvms(conf);
    try (JavaSparkContext spark = new JavaSparkContext(conf)) {
      JavaRDD<Example> rdd = spark.parallelize(Example.listOf(data), partitions);
      System.out.printf(Locale.ROOT, "{\"spark\":\"%s\",\"java\":\"%s\",\"master\":\"%s\",\"rows\":%d,\"partitions\":%d}%n",
          spark.version(), Runtime.version(), spark.master(), rows, partitions);
      warmUp(spark, partitions);
      for (String net : nets) {
        Supplier<KilnModel> model = switch (net) {
          case "mnist" -> () -> MlpModel.create(1);
          case "mlp" -> () -> WideMlpModel.create(1);
          default -> throw new IllegalArgumentException("unknown net " + net + "; expected mnist or mlp");
        };
        fixedCost(spark, net, model, partitions);
        if (fixedOnly) continue;
        for (int batch : batches) {
          double oneJvm = oneJvm(model, data, batch, epochs);
          double onSpark = onSpark(model, rdd, batch, epochs);
          int steps = (rows + batch - 1) / batch;
          System.out.printf(Locale.ROOT, "{\"net\":\"%s\",\"batch\":%d,\"one_jvm_samples_per_s\":%.0f,"
              + "\"spark_samples_per_s\":%.0f,\"one_jvm_ms_per_step\":%.3f,\"spark_ms_per_step\":%.3f,\"ratio\":%.3f}%n",
              net, batch, oneJvm, onSpark, 1e3 * rows / oneJvm / steps, 1e3 * rows / onSpark / steps, onSpark / oneJvm);
        }
      }
    }
  }

  /** Samples per second of the last of {@code epochs} epochs of {@code trainer.fit}. */
  private static double oneJvm(Supplier<KilnModel> model, Dataset data, int batch, int epochs) {
    TrainingHistory history = Fitting.fit(model.get().trainer(Adam.lr(1e-3f)), data,
        FitOptions.epochs(epochs).batchSize(batch).progress(false));
    return history.last().samplesPerSecond();
  }

  /** Samples per second of the last of {@code epochs} epochs of {@code KilnSpark.fit}. */
  private static double onSpark(Supplier<KilnModel> model, JavaRDD<Example> rdd, int batch, int epochs) {
    TrainingHistory history = KilnSpark.fit(model.get(), Adam.lr(1e-3f), rdd,
        SparkFitOptions.epochs(epochs).batchSize(batch).shuffle(1).progress(false));
    return history.last().samplesPerSecond();
  }

  /**
   * Milliseconds per job as {@code KilnSpark.fit} runs them ({@code SparkContext.runJob} with a named function):
   * empty; broadcasting the parameters; and also returning one parameter-sized array per partition. Then
   * {@code KilnSpark.fit}'s own step on one row per partition, whose compute is next to nothing.
   */
  private static void fixedCost(JavaSparkContext spark, String net, Supplier<KilnModel> model, int partitions) {
    int parameters = model.get().parameters().length;
    List<Integer> indices = new ArrayList<>();
    for (int p = 0; p < partitions; p++) indices.add(p);
    JavaRDD<Integer> slots = spark.parallelize(indices, partitions).persist(StorageLevels.MEMORY_ONLY);
    slots.count();
    double empty = perJob(() -> runJob(slots, new Returns(null, false)));
    double broadcast = perJob(() -> {
      Broadcast<float[]> values = spark.broadcast(new float[parameters]);
      long n = runJob(slots, new Returns(values, false));
      values.destroy();
      return n;
    });
    double roundTrip = perJob(() -> {
      Broadcast<float[]> values = spark.broadcast(new float[parameters]);
      long n = runJob(slots, new Returns(values, true));
      values.destroy();
      return n;
    });
    slots.unpersist();
    Dataset tiny = randomImages(partitions * 400, 3);
    JavaRDD<Example> rdd = spark.parallelize(Example.listOf(tiny), partitions);
    double ordered = kilnStep(model, rdd, partitions, Aggregation.ORDERED);
    double tree = kilnStep(model, rdd, partitions, Aggregation.TREE);
    System.out.printf(Locale.ROOT, "{\"net\":\"%s\",\"parameters\":%d,\"partitions\":%d,\"empty_job_ms\":%.3f,"
        + "\"broadcast_job_ms\":%.3f,\"broadcast_and_collect_ms\":%.3f,\"kiln_step_of_one_row_per_partition_ms\":%.3f,"
        + "\"kiln_tree_step_of_one_row_per_partition_ms\":%.3f}%n", net, parameters, partitions, empty, broadcast,
        roundTrip, ordered, tree);
  }

  /** Milliseconds per step of {@code KilnSpark.fit} on one row per partition (400 steps, after 400 to warm up). */
  private static double kilnStep(Supplier<KilnModel> model, JavaRDD<Example> rdd, int partitions,
      Aggregation aggregation) {
    SparkFitOptions options = SparkFitOptions.epochs(1).batchSize(partitions).progress(false).aggregation(aggregation);
    KilnSpark.fit(model.get(), Adam.lr(1e-3f), rdd, options);
    TrainingHistory history = KilnSpark.fit(model.get(), Adam.lr(1e-3f), rdd, options);
    return 1e3 * history.last().seconds() / 400;
  }

  /** Spark's scheduler, compiled: the first thousand jobs of a context are slower than the rest. */
  private static void warmUp(JavaSparkContext spark, int partitions) {
    List<Integer> indices = new ArrayList<>();
    for (int p = 0; p < partitions; p++) indices.add(p);
    JavaRDD<Integer> slots = spark.parallelize(indices, partitions).persist(StorageLevels.MEMORY_ONLY);
    for (int i = 0; i < 1_000; i++) runJob(slots, new Returns(null, false));
    slots.unpersist();
  }

  private static long runJob(JavaRDD<Integer> slots, Returns task) {
    List<Object> partitions = new ArrayList<>();
    for (int p = 0; p < slots.getNumPartitions(); p++) partitions.add(p);
    Object results = slots.context().runJob(slots.rdd(), task,
        scala.jdk.javaapi.CollectionConverters.asScala(partitions).toSeq(), ClassTag$.MODULE$.apply(float[].class));
    return ((Object[]) results).length;
  }

  /** A task that reads the broadcast and returns a copy of it, or nothing. */
  private static final class Returns extends AbstractFunction2<TaskContext, scala.collection.Iterator<Integer>, float[]>
      implements Serializable {
    private final Broadcast<float[]> values;
    private final boolean copy;

    Returns(Broadcast<float[]> values, boolean copy) {
      this.values = values;
      this.copy = copy;
    }

    @Override
    public float[] apply(TaskContext context, scala.collection.Iterator<Integer> rows) {
      if (values == null) return new float[0];
      float[] v = values.value();
      return copy ? v.clone() : new float[] {v.length};
    }
  }

  private static double perJob(LongSupplier job) {
    for (int i = 0; i < 100; i++) job.getAsLong();
    int runs = 300;
    long start = System.nanoTime();
    for (int i = 0; i < runs; i++) job.getAsLong();
    return (System.nanoTime() - start) / 1e6 / runs;
  }

  /** {@code rows} random 28x28 images in [0, 1) and random labels of 10 classes: Fashion-MNIST's shape. */
  static Dataset randomImages(int rows, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[rows * 784];
    for (int i = 0; i < x.length; i++) x[i] = (float) random.nextDouble();
    int[] labels = new int[rows];
    for (int i = 0; i < rows; i++) labels[i] = random.nextInt(10);
    return Dataset.ofClasses(x, 784, labels);
  }
}
