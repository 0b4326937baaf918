package dev.kiln.samples.fashion;

import dev.kiln.plots.Plots;
import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.data.Dataset;
import dev.kiln.runtime.eval.ConfusionMatrix;
import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.train.FitOptions;
import dev.kiln.runtime.train.TrainingHistory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The fashion seed as a Kiln program: on Fashion-MNIST, 784 -> 10 with log-softmax and NLL, then
 * 784-128-10 with ReLU and cross-entropy, each for 5 epochs of Adam (1e-3) in batches of 64; test
 * accuracies printed, loss and accuracy curves written to {@code out/fashion}. First it prints what javac
 * says to the seed's swaps of log-softmax for softmax, sigmoid or tanh before NLL.
 *
 * <p>Usage: {@code Main [DIR]}, DIR holding the four IDX files; by default where Debian's
 * {@code dataset-fashion-mnist} puts them.
 */
public final class Main {
  public static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");
  public static final String[] FILES = {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
      "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"};
  static final int EPOCHS = 5;

  private Main() {}

  public static void main(String[] args) throws IOException {
    printSwappedActivations(System.out);
    Path dir = args.length > 0 ? Path.of(args[0]) : DEBIAN;
    String missing = missing(dir);
    if (missing != null) {
      System.err.println(missing);
      System.exit(2);
    }
    run(dir, Path.of("out/fashion"), System.out, true);
  }

  /** Why {@code dir} cannot be used, or null when it holds the four files. */
  public static String missing(Path dir) {
    for (String file : FILES) {
      if (!Files.isRegularFile(dir.resolve(file))) {
        return "Fashion-MNIST not found: " + dir.resolve(file) + " does not exist. Install Debian's package"
            + " (apt-get install dataset-fashion-mnist), or pass the directory that holds " + String.join(", ", FILES);
      }
    }
    return null;
  }

  /** Test accuracies of the two networks, in the order above. */
  record Accuracies(double linear, double mlp) {}

  static Accuracies run(Path dir, Path out, PrintStream print, boolean progress) throws IOException {
    Dataset train = Dataset.fromIdx(dir.resolve(FILES[0]), dir.resolve(FILES[1]));
    Dataset test = Dataset.fromIdx(dir.resolve(FILES[2]), dir.resolve(FILES[3]));
    FitOptions options = FitOptions.epochs(EPOCHS).batchSize(64).validation(test).progress(progress);

    LinearLogSoftmaxModel linear = LinearLogSoftmaxModel.create(0);
    TrainingHistory linearHistory = linear.trainer(Adam.lr(1e-3f)).fit(train, options);
    MlpModel mlp = MlpModel.create(0);
    TrainingHistory mlpHistory = mlp.trainer(Adam.lr(1e-3f)).fit(train, options);

    Accuracies accuracies = new Accuracies(accuracy(linear, test), accuracy(mlp, test));
    print.printf(Locale.ROOT, "784 -> 10, @LogSoftmax + NLL          test accuracy %.4f%n", accuracies.linear());
    print.printf(Locale.ROOT, "784-128-10, @ReLU + CROSS_ENTROPY     test accuracy %.4f%n", accuracies.mlp());
    Plots.history(linearHistory, "784 -> 10, log-softmax + NLL", out.resolve("linear.png"));
    Plots.history(mlpHistory, "784-128-10, ReLU + cross-entropy", out.resolve("mlp.png"));
    print.println("wrote " + out.resolve("linear.png").toAbsolutePath() + " and " + out.resolve("mlp.png").toAbsolutePath());
    return accuracies;
  }

  /** The seed's swaps of log-softmax before NLL, and javac's answer to each. */
  static void printSwappedActivations(PrintStream print) {
    print.println("The seed also tries @Softmax, @Sigmoid and @Tanh before NLL in place of @LogSoftmax. In Kiln"
        + " those networks do not compile:");
    for (String activation : SwappedActivations.ACTIVATIONS) {
      print.println();
      print.println("  @Linear(in = 784, out = 10) @" + activation + " Layer out();   with @Loss(NLL)");
      for (String error : SwappedActivations.errors(activation)) {
        print.println("  " + error);
      }
    }
    print.println();
  }

  static double accuracy(KilnModel model, Dataset test) {
    return ConfusionMatrix.of(model.predict(test.features()), test.labels(), 10).accuracy();
  }
}
