package dev.kiln.runtime.train;

import dev.kiln.runtime.ClassIndexTrainer;
import dev.kiln.runtime.FloatTargetTrainer;
import dev.kiln.runtime.GradientSum;
import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.KilnTrainer;
import dev.kiln.runtime.data.Dataset;

/**
 * What {@code fit} measures on data it does not train on: the loss of the model in evaluation mode (its
 * {@code forward}: running statistics, no dropout), as PyTorch's validation loop under {@code model.eval()}
 * and {@code no_grad} measures it, {@link Accuracy#ROWS} rows at a time, as the accuracy is.
 */
public final class Evaluation {
  private Evaluation() {}

  /** The loss and, for classes, the accuracy on data, from one pass of {@code forward}. */
  public record Measures(double loss, double accuracy) {}

  /**
   * The mean loss of {@code trainer}'s model on {@code data} and, for class labels, its accuracy, both from
   * the same outputs: the class of an output is its largest value, as {@code predict} has it for a model
   * whose loss takes class indices (per position where each position has a label; a negative label there is
   * the loss's ignored index and not counted); NaN for float targets.
   */
  public static Measures measure(KilnTrainer trainer, Dataset data) {
    return measure(trainer, data, null, null);
  }

  /** {@link #measure(KilnTrainer, Dataset)} of images normalized as {@code augment} says. */
  static Measures measure(KilnTrainer trainer, Dataset data, Augment augment, int[] shape) {
    KilnModel model = trainer.model();
    int size = data.size();
    int width = data.width();
    int[] order = new int[size];
    for (int i = 0; i < size; i++) order[i] = i;
    double loss = 0;
    double weight = 0;
    long right = 0;
    long counted = 0;
    for (int from = 0; from < size; from += Accuracy.ROWS) {
      int rows = Math.min(Accuracy.ROWS, size - from);
      GradientSum sum;
      if (data.hasTokens()) {
        int[] ids = new int[rows * width];
        int[] labels = new int[rows * data.labelWidth()];
        data.copyBatch(order, from, rows, ids, labels);
        float[] output = model.forward(ids);
        sum = ((ClassIndexTrainer) trainer).evaluate(output, labels);
        long[] hits = hits(output, labels, data.labelWidth() > 1);
        right += hits[0];
        counted += hits[1];
      } else if (data.hasLabels()) {
        float[] x = new float[rows * width];
        int[] labels = new int[rows];
        data.copyBatch(order, from, rows, x, labels);
        float[] output = model.forward(normalized(x, augment, shape));
        sum = ((ClassIndexTrainer) trainer).evaluate(output, labels);
        long[] hits = hits(output, labels, false);
        right += hits[0];
        counted += hits[1];
      } else {
        float[] x = new float[rows * width];
        float[] targets = new float[rows * data.targetWidth()];
        data.copyBatch(order, from, rows, x, targets);
        sum = ((FloatTargetTrainer) trainer).evaluate(model.forward(normalized(x, augment, shape)), targets);
      }
      loss += sum.loss();
      weight += sum.weight();
    }
    return new Measures(weight == 0 ? Double.NaN : loss / weight,
        counted == 0 ? Double.NaN : (double) right / counted);
  }

  /**
   * {right, counted}: the labels whose group of outputs is largest at the label, the first on ties, as the
   * generated {@code predict}'s {@code Predictions.argmax} has it.
   */
  private static long[] hits(float[] output, int[] labels, boolean skipNegative) {
    int cols = output.length / labels.length;
    long right = 0;
    long counted = 0;
    for (int i = 0; i < labels.length; i++) {
      if (skipNegative && labels[i] < 0) continue;
      int best = 0;
      for (int c = 1; c < cols; c++) {
        if (output[i * cols + c] > output[i * cols + best]) best = c;
      }
      counted++;
      if (best == labels[i]) right++;
    }
    return new long[] {right, counted};
  }

  static float[] normalized(float[] x, Augment augment, int[] shape) {
    return augment == null || !augment.normalizes() ? x : augment.normalized(x, shape[0], shape[1], shape[2]);
  }
}
