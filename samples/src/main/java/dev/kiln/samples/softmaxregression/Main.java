package dev.kiln.samples.softmaxregression;

import dev.kiln.runtime.optim.Sgd;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * The softmax-regression seed as a Kiln program: 7 samples of 4 features in 3 classes, SGD at 0.1,
 * 70 full-batch epochs, the loss printed every epoch, then each sample's probabilities.
 */
public final class Main {
  /** The seed's data: 7 rows of 4 features. */
  static final float[] X = {
      1.0f, 2.0f, 0.5f, 0.1f,
      1.2f, 1.8f, 0.4f, 0.2f,
      0.2f, 0.4f, 2.0f, 1.5f,
      0.1f, 0.6f, 1.8f, 1.7f,
      2.5f, 0.2f, 0.3f, 2.2f,
      2.2f, 0.1f, 0.1f, 2.5f,
      0.3f, 0.5f, 2.2f, 1.4f};
  static final int[] Y = {0, 0, 1, 1, 2, 2, 1};
  static final int EPOCHS = 70;

  private Main() {}

  public static void main(String[] args) {
    train(System.out);
  }

  /** The trained model and the loss of each epoch. */
  record Run(SoftmaxRegressionModel model, float[] losses) {}

  /** Trains, printing to {@code out}. */
  static Run train(PrintStream out) {
    SoftmaxRegressionModel model = SoftmaxRegressionModel.create(0);
    SoftmaxRegressionTrainer trainer = model.trainer(Sgd.lr(0.1f));
    float[] losses = new float[EPOCHS];
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      losses[epoch] = trainer.step(X, Y);
      out.printf(Locale.ROOT, "epoch %2d  loss %.4f%n", epoch + 1, losses[epoch]);
    }
    float[] p = model.probabilities(X);
    int[] predicted = model.predict(X);
    for (int r = 0; r < Y.length; r++) {
      out.printf(Locale.ROOT, "sample %d  class %d  predicted %d  probabilities %s%n", r, Y[r], predicted[r],
          Arrays.toString(Arrays.copyOfRange(p, 3 * r, 3 * r + 3)));
    }
    return new Run(model, losses);
  }
}
