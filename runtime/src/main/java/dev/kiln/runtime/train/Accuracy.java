package dev.kiln.runtime.train;

import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.data.Dataset;

/**
 * The share of a dataset's labels a model predicts, as {@code fit} reports it each epoch: over every row,
 * or, where each position has a label, over the positions whose label is a class (a negative one is the
 * loss's ignored index). Computed {@link #ROWS} rows at a time, copied into buffers of that size: never a
 * copy of the whole dataset, nor the model's outputs for all of it (Fashion-MNIST's training set is 188 MB
 * of features, which a copy per epoch made the heap grow by).
 */
final class Accuracy {
  static final int ROWS = 1024;

  private Accuracy() {}

  static double of(KilnModel model, Dataset data) {
    return of(model, data, null, null);
  }

  /** The accuracy on {@code data}'s images normalized as {@code augment} says (none when null). */
  static double of(KilnModel model, Dataset data, Augment augment, int[] shape) {
    int size = data.size();
    int width = data.width();
    int labelWidth = data.labelWidth();
    int[] order = new int[size];
    for (int i = 0; i < size; i++) order[i] = i;
    long right = 0;
    long counted = 0;
    boolean tokens = data.hasTokens();
    float[] features = null;
    int[] ids = null;
    int[] labels = null;
    for (int from = 0; from < size; from += ROWS) {
      int rows = Math.min(ROWS, size - from);
      if (labels == null || labels.length != rows * labelWidth) {
        // Buffers of exactly the rows at hand, since predict reads the row count from their length: one set
        // for the full chunks, one for the last.
        features = tokens ? null : new float[rows * width];
        ids = tokens ? new int[rows * width] : null;
        labels = new int[rows * labelWidth];
      }
      int[] predicted;
      if (tokens) {
        data.copyBatch(order, from, rows, ids, labels);
        predicted = model.predict(ids);
      } else {
        data.copyBatch(order, from, rows, features, labels);
        predicted = model.predict(Evaluation.normalized(features, augment, shape));
      }
      for (int i = 0; i < labels.length; i++) {
        if (labelWidth > 1 && labels[i] < 0) continue;
        counted++;
        if (predicted[i] == labels[i]) right++;
      }
    }
    return counted == 0 ? Double.NaN : (double) right / counted;
  }
}
