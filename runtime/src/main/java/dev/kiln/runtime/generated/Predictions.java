package dev.kiln.runtime.generated;

import dev.kiln.runtime.activation.Activation;

/** Turns a network's outputs into what users ask for: classes and probabilities. */
public final class Predictions {
  private Predictions() {}

  /** The index of the largest value in each row of {@code cols} values; the first one on ties. */
  public static int[] argmax(float[] y, int cols) {
    int rows = y.length / cols;
    int[] classes = new int[rows];
    for (int r = 0; r < rows; r++) {
      int best = 0;
      for (int c = 1; c < cols; c++) {
        if (y[r * cols + c] > y[r * cols + best]) best = c;
      }
      classes[r] = best;
    }
    return classes;
  }

  /** 1 where a value is above {@code threshold}, 0 elsewhere: the class of single-output rows. */
  public static int[] threshold(float[] y, float threshold) {
    int[] classes = new int[y.length];
    for (int i = 0; i < y.length; i++) classes[i] = y[i] > threshold ? 1 : 0;
    return classes;
  }

  /** Softmax over each row of {@code cols} logits, in place; returns {@code y}. */
  public static float[] softmax(float[] y, int cols) {
    Activation.SOFTMAX.forward(y, y.length / cols, cols);
    return y;
  }

  /** The logistic function of each logit, in place; returns {@code y}. */
  public static float[] sigmoid(float[] y) {
    for (int i = 0; i < y.length; i++) y[i] = Activation.sigmoid(y[i]);
    return y;
  }

  /** {@code e^y} of each log-probability, in place; returns {@code y}. */
  public static float[] exp(float[] y) {
    for (int i = 0; i < y.length; i++) y[i] = (float) Math.exp(y[i]);
    return y;
  }
}
