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
 * and {@code no_grad} measures it, {@link #ROWS} rows at a time.
 */
public final class Evaluation {
  static final int ROWS = 1024;

  private Evaluation() {}

  /** The mean loss of {@code trainer}'s model on {@code data}, reduced as the loss's reduction says. */
  public static double loss(KilnTrainer trainer, Dataset data) {
    return loss(trainer, data, null, null);
  }

  /** {@link #loss(KilnTrainer, Dataset)} of images normalized as {@code augment} says. */
  static double loss(KilnTrainer trainer, Dataset data, Augment augment, int[] shape) {
    KilnModel model = trainer.model();
    int size = data.size();
    int width = data.width();
    int[] order = new int[size];
    for (int i = 0; i < size; i++) order[i] = i;
    double loss = 0;
    double weight = 0;
    for (int from = 0; from < size; from += ROWS) {
      int rows = Math.min(ROWS, size - from);
      GradientSum sum;
      if (data.hasTokens()) {
        int[] ids = new int[rows * width];
        int[] labels = new int[rows * data.labelWidth()];
        data.copyBatch(order, from, rows, ids, labels);
        sum = ((ClassIndexTrainer) trainer).evaluate(model.forward(ids), labels);
      } else if (data.hasLabels()) {
        float[] x = new float[rows * width];
        int[] labels = new int[rows];
        data.copyBatch(order, from, rows, x, labels);
        sum = ((ClassIndexTrainer) trainer).evaluate(model.forward(normalized(x, augment, shape)), labels);
      } else {
        float[] x = new float[rows * width];
        float[] targets = new float[rows * data.targetWidth()];
        data.copyBatch(order, from, rows, x, targets);
        sum = ((FloatTargetTrainer) trainer).evaluate(model.forward(normalized(x, augment, shape)), targets);
      }
      loss += sum.loss();
      weight += sum.weight();
    }
    return weight == 0 ? Double.NaN : loss / weight;
  }

  static float[] normalized(float[] x, Augment augment, int[] shape) {
    return augment == null || !augment.normalizes() ? x : augment.normalized(x, shape[0], shape[1], shape[2]);
  }
}
