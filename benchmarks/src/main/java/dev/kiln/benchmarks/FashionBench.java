package dev.kiln.benchmarks;

import dev.kiln.dsl.Linear;
import dev.kiln.dsl.Loss;
import dev.kiln.dsl.LossKind;
import dev.kiln.dsl.Model;
import dev.kiln.dsl.ReLU;
import dev.kiln.runtime.Layer;
import dev.kiln.runtime.Predictions;
import dev.kiln.runtime.data.Idx;
import dev.kiln.runtime.kernel.KernelProvider;
import dev.kiln.runtime.optim.Adam;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Kiln's side of {@code shared/bench/torch_fashion.py}: the 784-128-10 ReLU network with cross-entropy
 * and Adam (lr 1e-3), batch 64, 5 epochs of shuffled Fashion-MNIST; one JSON line per epoch (time, test
 * accuracy) and a summary, in the same fields.
 *
 * <p>Usage: {@code FashionBench [--dir DIR] [--epochs N]}
 */
public final class FashionBench {
  static final int BATCH = 64;

  @Model
  @Loss(LossKind.CROSS_ENTROPY)
  public interface FashionNet {
    @Linear(in = 784, out = 128) @ReLU Layer hidden();
    @Linear(out = 10) Layer out();
  }

  private FashionBench() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of("/usr/share/datasets/fashion-mnist");
    int epochs = 5;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--dir" -> dir = Path.of(args[++i]);
        case "--epochs" -> epochs = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; expected --dir DIR or --epochs N");
      }
    }
    if (!Files.isRegularFile(dir.resolve("train-images-idx3-ubyte.gz"))) {
      throw new IOException("no Fashion-MNIST in " + dir + "; install Debian's dataset-fashion-mnist or pass --dir");
    }
    float[] trainX = Idx.read(dir.resolve("train-images-idx3-ubyte.gz")).scaledToUnit();
    int[] trainY = Idx.read(dir.resolve("train-labels-idx1-ubyte.gz")).asInts();
    float[] testX = Idx.read(dir.resolve("t10k-images-idx3-ubyte.gz")).scaledToUnit();
    int[] testY = Idx.read(dir.resolve("t10k-labels-idx1-ubyte.gz")).asInts();
    int n = trainY.length;

    FashionNetModel model = FashionNetModel.create(0);
    FashionNetTrainer trainer = model.trainer(Adam.lr(1e-3f));
    int[] order = new int[n];
    for (int i = 0; i < n; i++) order[i] = i;
    Random random = new Random(0);
    float[] x = new float[BATCH * 784];
    int[] y = new int[BATCH];
    float[] tailX = new float[(n % BATCH) * 784];
    int[] tailY = new int[n % BATCH];
    double total = 0;
    float loss = Float.NaN;
    for (int epoch = 1; epoch <= epochs; epoch++) {
      long start = System.nanoTime();
      shuffle(order, random);
      for (int from = 0; from < n; from += BATCH) {
        int rows = Math.min(BATCH, n - from);
        float[] bx = rows == BATCH ? x : tailX;
        int[] by = rows == BATCH ? y : tailY;
        for (int r = 0; r < rows; r++) {
          System.arraycopy(trainX, order[from + r] * 784, bx, r * 784, 784);
          by[r] = trainY[order[from + r]];
        }
        loss = trainer.step(bx, by);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      total += seconds;
      System.out.println(String.format(Locale.ROOT, "{\"epoch\": %d, \"epoch_s\": %.2f, \"test_acc\": %.4f, \"loss\": %.4f}",
          epoch, seconds, accuracy(model, testX, testY), loss));
    }
    System.out.println(String.format(Locale.ROOT, "{\"sizes\": [784, 128, 10], \"batch\": %d, \"opt\": \"adam\", "
            + "\"lr\": 0.001, \"threads\": %d, \"train_s\": %.2f, \"samples_per_s\": %d, \"kernels\": \"%s\", \"jdk\": \"%s\"}",
        BATCH, KernelProvider.threads(), total, Math.round(epochs * n / total), KernelProvider.kernels().name(),
        Runtime.version().feature()));
  }

  private static void shuffle(int[] order, Random random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  static double accuracy(FashionNetModel model, float[] x, int[] y) {
    int[] predicted = Predictions.argmax(model.forward(x), 10);
    int correct = 0;
    for (int i = 0; i < y.length; i++) if (predicted[i] == y[i]) correct++;
    return (double) correct / y.length;
  }
}
