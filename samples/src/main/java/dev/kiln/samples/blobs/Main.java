package dev.kiln.samples.blobs;

import dev.kiln.plots.Plots;
import dev.kiln.runtime.optim.Sgd;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The blobs seed as a Kiln program: a 2-10-2 ReLU network learns to tell two Gaussian blobs apart,
 * with cross-entropy and plain SGD (lr 0.012), 100 full-batch steps. Writes the decision regions and
 * the loss curve as PNG into {@code out/blobs} (or the directory given as the first argument).
 */
public final class Main {
  static final int STEPS = 100;
  static final int REPORT_EVERY = 20;

  private Main() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "out/blobs");
    Blobs data = Blobs.generate(42);
    Run run = train(data, System.out);
    System.out.printf("final accuracy %.3f%n", run.accuracy());
    Path regions = dir.resolve("decision-regions.png");
    Path loss = dir.resolve("loss.png");
    Plots.decisionRegions(run.model(), data.x(), data.labels(), "BlobNet: decision regions after " + STEPS + " steps",
        regions);
    Plots.lossCurve(run.losses(), "step", "BlobNet: cross-entropy per step", loss);
    System.out.println("wrote " + regions.toAbsolutePath() + " and " + loss.toAbsolutePath());
  }

  /** The trained model, the loss of each step and the final training accuracy. */
  record Run(BlobNetModel model, float[] losses, double accuracy) {}

  /** Trains on {@code data}, printing progress to {@code out}. */
  static Run train(Blobs data, PrintStream out) {
    BlobNetModel model = BlobNetModel.create(0);
    BlobNetTrainer trainer = model.trainer(Sgd.lr(0.012f));
    out.println(model);
    float[] losses = new float[STEPS];
    for (int step = 1; step <= STEPS; step++) {
      losses[step - 1] = trainer.step(data.x(), data.labels());
      if (step % REPORT_EVERY == 0) {
        out.printf("step %3d  loss %.4f  accuracy %.3f%n", step, losses[step - 1], accuracy(model, data));
      }
    }
    return new Run(model, losses, accuracy(model, data));
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
