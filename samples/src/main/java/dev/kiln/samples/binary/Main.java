package dev.kiln.samples.binary;

import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.optim.Sgd;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Random;

/**
 * The binary-classification seed as a Kiln program: the same two overlapping Gaussian classes learned
 * three ways (sigmoid + BCE, BCE with logits, two-class cross-entropy), test accuracies side by side.
 */
public final class Main {
  static final int TRAIN = 400;
  static final int TEST = 200;
  static final int EPOCHS = 300;

  private Main() {}

  /** Two classes around (1, 1) and (-1, -1), unit variance: overlapping, so no way is perfect. */
  record Data(float[] x, int[] labels) {
    static Data generate(int n, long seed) {
      Random random = new Random(seed);
      float[] x = new float[2 * n];
      int[] labels = new int[n];
      for (int i = 0; i < n; i++) {
        labels[i] = i % 2;
        float centre = labels[i] == 1 ? 1f : -1f;
        x[2 * i] = centre + (float) random.nextGaussian();
        x[2 * i + 1] = centre + (float) random.nextGaussian();
      }
      return new Data(x, labels);
    }

    float[] asFloats() {
      float[] y = new float[labels.length];
      for (int i = 0; i < y.length; i++) y[i] = labels[i];
      return y;
    }
  }

  /** The test accuracies of the three ways, in the order above. */
  record Accuracies(double sigmoidBce, double logitsBce, double twoClassCe) {}

  public static void main(String[] args) {
    run(System.out);
  }

  static Accuracies run(PrintStream out) {
    Data train = Data.generate(TRAIN, 1);
    Data test = Data.generate(TEST, 2);
    SigmoidBceModel sigmoid = SigmoidBceModel.create(0);
    SigmoidBceTrainer sigmoidTrainer = sigmoid.trainer(Sgd.lr(0.1f));
    LogitsBceModel logits = LogitsBceModel.create(0);
    LogitsBceTrainer logitsTrainer = logits.trainer(Sgd.lr(0.1f));
    TwoClassCeModel twoClass = TwoClassCeModel.create(0);
    TwoClassCeTrainer twoClassTrainer = twoClass.trainer(Sgd.lr(0.1f));
    float[] y = train.asFloats();
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      sigmoidTrainer.step(train.x(), y);
      logitsTrainer.step(train.x(), y);
      twoClassTrainer.step(train.x(), train.labels());
    }
    Accuracies accuracies = new Accuracies(accuracy(sigmoid, test), accuracy(logits, test), accuracy(twoClass, test));
    out.println("way                               test accuracy");
    out.printf(Locale.ROOT, "Linear(1) + @Sigmoid + BCE        %.3f%n", accuracies.sigmoidBce());
    out.printf(Locale.ROOT, "Linear(1) + BCE_WITH_LOGITS       %.3f%n", accuracies.logitsBce());
    out.printf(Locale.ROOT, "Linear(2) + CROSS_ENTROPY         %.3f%n", accuracies.twoClassCe());
    return accuracies;
  }

  static double accuracy(KilnModel model, Data data) {
    int[] predicted = model.predict(data.x());
    int right = 0;
    for (int i = 0; i < predicted.length; i++) if (predicted[i] == data.labels()[i]) right++;
    return (double) right / predicted.length;
  }
}
