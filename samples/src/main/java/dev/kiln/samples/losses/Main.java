package dev.kiln.samples.losses;

import dev.kiln.runtime.FloatTargetTrainer;
import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.eval.ConfusionMatrix;
import dev.kiln.runtime.optim.Sgd;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Random;

/**
 * The loss-catalogue seed as a Kiln program. First, the line y = 2x + 1 with a tenth of the points
 * thrown far off, fitted with MSE, L1 and SmoothL1: the squared error follows the outliers. Then a
 * binary problem where positives are one in ten: a positive weight, the focal loss and class-weighted
 * cross-entropy each find more of them than plain BCE with logits.
 */
public final class Main {
  static final int STEPS = 2000;

  private Main() {}

  /** Each loss's fitted slope and intercept, and each classifier's recall and precision on the rare class. */
  record Results(double[][] lines, double[][] rare) {}

  public static void main(String[] args) {
    run(System.out);
  }

  static Results run(PrintStream out) {
    // y = 2x + 1 with noise, and every tenth point 25 too high.
    Random random = new Random(5);
    int n = 200;
    float[] x = new float[n];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (random.nextDouble() * 4 - 2);
      y[i] = 2 * x[i] + 1 + (float) (0.1 * random.nextGaussian()) + (i % 10 == 0 ? 25f : 0f);
    }
    double[][] lines = {
        line(SquaredLineModel.create(0), x, y), line(AbsoluteLineModel.create(0), x, y),
        line(SmoothLineModel.create(0), x, y)};
    out.println("regression on y = 2x + 1 with 10% outliers   slope   intercept");
    String[] names = {"MSE", "L1", "SMOOTH_L1 (beta 0.5)"};
    for (int i = 0; i < 3; i++) {
      out.printf(Locale.ROOT, "  %-42s %6.3f   %6.3f%n", names[i], lines[i][0], lines[i][1]);
    }

    // Two overlapping Gaussian classes, positives one in ten.
    int m = 2000;
    float[] features = new float[2 * m];
    int[] labels = new int[m];
    for (int i = 0; i < m; i++) {
      labels[i] = i % 10 == 0 ? 1 : 0;
      float centre = labels[i] == 1 ? 1f : -0.5f;
      features[2 * i] = centre + (float) random.nextGaussian();
      features[2 * i + 1] = centre + (float) random.nextGaussian();
    }
    float[] targets = new float[m];
    for (int i = 0; i < m; i++) targets[i] = labels[i];
    KilnModel[] classifiers = {
        binary(PlainModel.create(0), features, targets),
        binary(PositiveWeightedModel.create(0), features, targets),
        binary(FocalModel.create(0), features, targets),
        classWeighted(features, labels)};
    String[] kinds = {"BCE_WITH_LOGITS", "BCE_WITH_LOGITS, posWeight 9", "FOCAL, alpha 0.9, gamma 2",
        "CROSS_ENTROPY, weight {1, 9}"};
    double[][] rare = new double[4][];
    out.println("rare positives (10%)                          recall   precision");
    for (int i = 0; i < 4; i++) {
      ConfusionMatrix matrix = ConfusionMatrix.of(classifiers[i].predict(features), labels, 2);
      rare[i] = new double[] {matrix.recall(1), matrix.precision(1)};
      out.printf(Locale.ROOT, "  %-42s %6.3f   %6.3f%n", kinds[i], rare[i][0], rare[i][1]);
    }
    return new Results(lines, rare);
  }

  /** Fits the line with full-batch SGD; returns its slope and intercept. */
  private static double[] line(KilnModel model, float[] x, float[] y) {
    FloatTargetTrainer trainer = (FloatTargetTrainer) model.trainer(Sgd.lr(0.05f));
    for (int i = 0; i < STEPS; i++) trainer.step(x, y);
    return new double[] {model.layers().get(0).weight()[0], model.layers().get(0).bias()[0]};
  }

  private static KilnModel binary(KilnModel model, float[] x, float[] y) {
    FloatTargetTrainer trainer = (FloatTargetTrainer) model.trainer(Sgd.lr(0.5f));
    for (int i = 0; i < STEPS / 4; i++) trainer.step(x, y);
    return model;
  }

  private static KilnModel classWeighted(float[] x, int[] labels) {
    ClassWeightedModel model = ClassWeightedModel.create(0);
    ClassWeightedTrainer trainer = model.trainer(Sgd.lr(0.5f));
    for (int i = 0; i < STEPS / 4; i++) trainer.step(x, labels);
    return model;
  }
}
