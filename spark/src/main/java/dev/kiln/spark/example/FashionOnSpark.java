package dev.kiln.spark.example;

import dev.kiln.runtime.data.Dataset;
import dev.kiln.runtime.eval.ConfusionMatrix;
import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.train.TrainingHistory;
import dev.kiln.spark.Example;
import dev.kiln.spark.KilnSpark;
import dev.kiln.spark.SparkFitOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Fashion-MNIST's 784-128-10 MLP trained with {@link KilnSpark#fit}: 5 epochs of Adam (1e-3) in steps of
 * 256 rows, shuffled, the test set measured after each epoch; prints each epoch and the test accuracy, and
 * writes the model to {@code out/spark/fashion-mlp.safetensors}.
 *
 * <p>Usage: {@code FashionOnSpark [DIR [EPOCHS]]}, DIR holding the four IDX files (by default where Debian's
 * {@code dataset-fashion-mnist} puts them). The master is Spark's {@code spark.master} (from
 * {@code spark-submit --master}, or {@code -Dspark.master}); {@code local[2]} when none is set. The driver reads
 * the files and parallelizes the rows over the cluster's default parallelism: a job on data that already
 * lives in the cluster maps its rows to {@link Example}s instead.
 */
public final class FashionOnSpark {
  static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");
  static final String[] FILES = {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
      "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"};

  private FashionOnSpark() {}

  public static void main(String[] args) throws IOException {
    Path dir = args.length > 0 ? Path.of(args[0]) : DEBIAN;
    int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    for (String file : FILES) {
      if (!Files.isRegularFile(dir.resolve(file))) {
        System.err.println("Fashion-MNIST not found: " + dir.resolve(file) + " does not exist. Install Debian's package"
            + " (apt-get install dataset-fashion-mnist), or pass the directory that holds " + String.join(", ", FILES));
        System.exit(2);
      }
    }
    SparkConf conf = new SparkConf().setAppName("kiln-fashion-mlp").setIfMissing("spark.master", "local[2]")
        .set("spark.ui.showConsoleProgress", "false");
    try (JavaSparkContext spark = new JavaSparkContext(conf)) {
      run(spark, dir, epochs, Path.of("out/spark"), System.out, true);
    }
  }

  /** Trains on {@code dir}'s training set, prints each epoch and the test accuracy, saves the model in {@code out}. */
  static double run(JavaSparkContext spark, Path dir, int epochs, Path out, PrintStream print, boolean progress)
      throws IOException {
    Dataset train = Dataset.fromIdx(dir.resolve(FILES[0]), dir.resolve(FILES[1]));
    Dataset test = Dataset.fromIdx(dir.resolve(FILES[2]), dir.resolve(FILES[3]));
    JavaRDD<Example> rows = spark.parallelize(Example.listOf(train), spark.defaultParallelism());
    print.printf(Locale.ROOT, "Spark %s, master %s: %,d rows in %d partitions%n", spark.version(), spark.master(),
        train.size(), rows.getNumPartitions());

    FashionMlpModel model = FashionMlpModel.create(0);
    TrainingHistory history = KilnSpark.fit(model, Adam.lr(1e-3f), rows,
        SparkFitOptions.epochs(epochs).batchSize(256).shuffle(1).validation(test).progress(progress));
    print.println(history);
    double accuracy = ConfusionMatrix.of(model.predict(test.features()), test.labels(), 10).accuracy();
    print.printf(Locale.ROOT, "784-128-10 trained on Spark: test accuracy %.4f%n", accuracy);
    Path file = out.resolve("fashion-mlp.safetensors");
    Files.createDirectories(out);
    model.save(file);
    print.println("wrote " + file.toAbsolutePath());
    return accuracy;
  }
}
