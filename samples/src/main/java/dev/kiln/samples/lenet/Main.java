package dev.kiln.samples.lenet;

import dev.kiln.plots.Plots;
import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.data.Dataset;
import dev.kiln.runtime.eval.ConfusionMatrix;
import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.optim.Sgd;
import dev.kiln.runtime.train.FitOptions;
import dev.kiln.runtime.train.TrainingHistory;
import dev.kiln.samples.KilnJavac;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Convolutional networks on Fashion-MNIST: LeNet-5 (Adam 1e-3, batch 64, 5 epochs) and the Mnist_CNN of
 * PyTorch's "What is torch.nn really?" (SGD 0.1 with momentum 0.9), through {@code fit} with progress
 * bars; test accuracies printed, curves written to {@code out/lenet}. First it hands javac a LeNet whose
 * {@code fc1} says {@code in = 256} and prints the error: PyTorch's {@code mat1 and mat2 shapes cannot be
 * multiplied}, moved to the compiler.
 *
 * <p>Usage: {@code Main [DIR]}, DIR holding the four IDX files; by default where Debian's
 * {@code dataset-fashion-mnist} puts them. With {@code -Dlenet.writeFolder=PATH} it writes those files out as
 * PNG folders ({@code PATH/train/<class>/*.png}, {@code PATH/test/...}) and stops; with
 * {@code -Dlenet.folder=PATH} it trains from such folders ({@code Dataset.fromImageFolder}) instead.
 */
public final class Main {
  static final int EPOCHS = 5;

  /** LeNet-5 as a user might first write it, with fc1's in counted wrong. */
  static final String WRONG_FC1 = String.join("\n",
      "import dev.kiln.dsl.*;",
      "import dev.kiln.runtime.Layer;",
      "",
      "@Model @Input(channels = 1, height = 28, width = 28) @Loss(LossKind.CROSS_ENTROPY)",
      "public interface LeNet5 {",
      "  @Conv2d(out = 6, kernel = 5, padding = 2) @ReLU Layer conv1();",
      "  @MaxPool2d(kernel = 2) Layer pool1();",
      "  @Conv2d(out = 16, kernel = 5) @ReLU Layer conv2();",
      "  @MaxPool2d(kernel = 2) Layer pool2();",
      "  @Flatten Layer flatten();",
      "  @Linear(in = 256, out = 120) @ReLU Layer fc1();",
      "  @Linear(out = 84) @ReLU Layer fc2();",
      "  @Linear(out = 10) Layer fc3();",
      "}",
      "");

  private Main() {}

  public static void main(String[] args) throws IOException {
    String folder = System.getProperty("lenet.folder", "");
    if (!folder.isBlank()) {
      Dataset[] sets = ImageFolders.read(Path.of(folder));
      System.out.println("training from the image folders in " + folder + ": " + sets[0].size() + " images of "
          + sets[0].classNames().size() + " classes, " + sets[1].size() + " to test on");
      run(sets[0], sets[1], Path.of("out/lenet"), System.out, true);
      return;
    }
    printWrongFc1(System.out);
    Path dir = args.length > 0 ? Path.of(args[0]) : dev.kiln.samples.fashion.Main.DEBIAN;
    String missing = dev.kiln.samples.fashion.Main.missing(dir);
    if (missing != null) {
      System.err.println(missing);
      System.exit(2);
    }
    String writeFolder = System.getProperty("lenet.writeFolder", "");
    if (!writeFolder.isBlank()) {
      String[] files = dev.kiln.samples.fashion.Main.FILES;
      ImageFolders.write(Dataset.fromIdx(dir.resolve(files[0]), dir.resolve(files[1])),
          Dataset.fromIdx(dir.resolve(files[2]), dir.resolve(files[3])), Path.of(writeFolder));
      System.out.println("wrote Fashion-MNIST as PNG folders in " + Path.of(writeFolder).toAbsolutePath());
      return;
    }
    run(dir, Path.of("out/lenet"), System.out, true);
  }

  /** javac's answer to {@link #WRONG_FC1}. */
  static List<String> wrongFc1Errors() {
    return KilnJavac.errors("LeNet5.java", WRONG_FC1);
  }

  static void printWrongFc1(PrintStream print) {
    print.println("A LeNet-5 whose fc1 says in = 256 does not compile in Kiln; PyTorch would fail at its first batch:");
    for (String error : wrongFc1Errors()) print.println("  " + error);
    print.println();
  }

  /** Test accuracies of the two networks. */
  record Accuracies(double lenet, double tutorial) {}

  static Accuracies run(Path dir, Path out, PrintStream print, boolean progress) throws IOException {
    String[] files = dev.kiln.samples.fashion.Main.FILES;
    return run(Dataset.fromIdx(dir.resolve(files[0]), dir.resolve(files[1])),
        Dataset.fromIdx(dir.resolve(files[2]), dir.resolve(files[3])), out, print, progress);
  }

  static Accuracies run(Dataset train, Dataset test, Path out, PrintStream print, boolean progress)
      throws IOException {
    FitOptions options = FitOptions.epochs(EPOCHS).batchSize(64).validation(test).progress(progress);

    LeNet5Model lenet = LeNet5Model.create(0);
    print.println(lenet);
    TrainingHistory lenetHistory = lenet.trainer(Adam.lr(1e-3f)).fit(train, options);
    TutorialCnnModel tutorial = TutorialCnnModel.create(0);
    TrainingHistory tutorialHistory = tutorial.trainer(Sgd.lr(0.1f).momentum(0.9f)).fit(train, options);

    Accuracies accuracies = new Accuracies(accuracy(lenet, test), accuracy(tutorial, test));
    print.printf(Locale.ROOT, "LeNet-5, Adam 1e-3                    test accuracy %.4f%n", accuracies.lenet());
    print.printf(Locale.ROOT, "tutorial CNN, SGD 0.1 momentum 0.9    test accuracy %.4f%n", accuracies.tutorial());
    Plots.history(lenetHistory, "LeNet-5, Adam 1e-3", out.resolve("lenet5.png"));
    Plots.history(tutorialHistory, "tutorial CNN, SGD 0.1, momentum 0.9", out.resolve("tutorial-cnn.png"));
    print.println("wrote " + out.resolve("lenet5.png").toAbsolutePath() + " and "
        + out.resolve("tutorial-cnn.png").toAbsolutePath());
    return accuracies;
  }

  static double accuracy(KilnModel model, Dataset test) {
    return ConfusionMatrix.of(model.predict(test.features()), test.labels(), 10).accuracy();
  }
}
