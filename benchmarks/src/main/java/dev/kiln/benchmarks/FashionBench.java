package dev.kiln.benchmarks;

import dev.kiln.runtime.data.Dataset;
import dev.kiln.runtime.kernel.KernelProvider;
import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.train.EpochResult;
import dev.kiln.runtime.train.FitOptions;
import dev.kiln.runtime.train.TrainingHistory;
import dev.kiln.samples.fashion.MlpModel;
import dev.kiln.samples.lenet.LeNet5Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Kiln's side of {@code shared/bench/torch_fashion.py}: the fashion sample's 784-128-10 ReLU network, or
 * with {@code --net lenet5} the lenet sample's LeNet-5, with cross-entropy and Adam (lr 1e-3), batch 64, 5 epochs of shuffled
 * Fashion-MNIST through {@code fit}; one JSON line per epoch (training time, test accuracy, mean loss)
 * and a summary, in the same fields.
 *
 * <p>Usage: {@code FashionBench [--net mlp|lenet5] [--dir DIR] [--epochs N] [--seed S]}; the seed draws
 * the initial weights and the shuffles.
 */
public final class FashionBench {
  static final int BATCH = 64;

  private FashionBench() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of("/usr/share/datasets/fashion-mnist");
    int epochs = 5;
    long seed = 0;
    String net = "mlp";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--net" -> net = args[++i];
        case "--dir" -> dir = Path.of(args[++i]);
        case "--epochs" -> epochs = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; expected --net mlp|lenet5, --dir DIR, --epochs N or --seed S");
      }
    }
    if (!Files.isRegularFile(dir.resolve("train-images-idx3-ubyte.gz"))) {
      throw new IOException("no Fashion-MNIST in " + dir + "; install Debian's dataset-fashion-mnist or pass --dir");
    }
    Dataset train = Dataset.fromIdx(dir.resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"));
    Dataset test = Dataset.fromIdx(dir.resolve("t10k-images-idx3-ubyte.gz"), dir.resolve("t10k-labels-idx1-ubyte.gz"));

    // What a user runs: the generated trainer through fit, shuffled each epoch, the test set as validation.
    FitOptions options = FitOptions.epochs(epochs).batchSize(BATCH).shuffleSeed(seed).validation(test).progress(false);
    TrainingHistory history = switch (net) {
      case "mlp" -> MlpModel.create(seed).trainer(Adam.lr(1e-3f)).fit(train, options);
      case "lenet5" -> LeNet5Model.create(seed).trainer(Adam.lr(1e-3f)).fit(train, options);
      default -> throw new IllegalArgumentException("--net " + net + " is unknown; expected mlp or lenet5");
    };
    double total = 0;
    for (EpochResult epoch : history.epochs()) {
      // fit times the steps of an epoch only, as torch_fashion.py does; its accuracies come after.
      total += epoch.seconds();
      System.out.println(String.format(Locale.ROOT, "{\"epoch\": %d, \"epoch_s\": %.2f, \"test_acc\": %.4f, \"loss\": %.4f}",
          epoch.epoch(), epoch.seconds(), epoch.validationAccuracy(), epoch.loss()));
    }
    System.out.println(String.format(Locale.ROOT, "{\"sizes\": %s, \"batch\": %d, \"opt\": \"adam\", "
            + "\"lr\": 0.001, \"seed\": %d, \"threads\": %d, \"train_s\": %.2f, \"samples_per_s\": %d, \"kernels\": \"%s\", "
            + "\"jdk\": \"%s\"}",
        net.equals("mlp") ? "[784, 128, 10]" : "\"lenet5\"", BATCH, seed, KernelProvider.threads(), total, Math.round(epochs * train.size() / total),
        KernelProvider.kernels().name(), Runtime.version().feature()));
  }
}
