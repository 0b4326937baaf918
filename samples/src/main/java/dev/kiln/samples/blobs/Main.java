package dev.kiln.samples.blobs;

import dev.kiln.runtime.optim.Sgd;
import java.io.PrintStream;

/**
 * The blobs seed as a Kiln program: a 2-10-2 ReLU network learns to tell two Gaussian blobs apart,
 * with cross-entropy and plain SGD (lr 0.012), 100 full-batch steps.
 */
public final class Main {
  static final int STEPS = 100;
  static final int REPORT_EVERY = 20;

  private Main() {}

  public static void main(String[] args) {
    double accuracy = train(System.out);
    System.out.printf("final accuracy %.3f%n", accuracy);
  }

  /** Trains on the seed's data, printing progress to {@code out}; returns the final training accuracy. */
  static double train(PrintStream out) {
    Blobs data = Blobs.generate(42);
    BlobNetModel model = BlobNetModel.create(0);
    BlobNetTrainer trainer = model.trainer(Sgd.lr(0.012f));
    out.println(model);
    for (int step = 1; step <= STEPS; step++) {
      float loss = trainer.step(data.x(), data.labels());
      if (step % REPORT_EVERY == 0) {
        out.printf("step %3d  loss %.4f  accuracy %.3f%n", step, loss, accuracy(model, data));
      }
    }
    return accuracy(model, data);
  }

  static double accuracy(BlobNetModel model, Blobs data) {
    int[] predicted = model.predict(data.x());
    int correct = 0;
    for (int i = 0; i < predicted.length; i++) {
      if (predicted[i] == data.labels()[i]) correct++;
    }
    return (double) correct / predicted.length;
  }
}
