package dev.kiln.runtime.eval;

/**
 * Counts of predicted against true classes: {@code count(t, p)} rows are of class t and were predicted
 * as p. Gives accuracy, and precision and recall per class.
 */
public final class ConfusionMatrix {
  private final int classes;
  private final long[] counts;

  private ConfusionMatrix(int classes, long[] counts) {
    this.classes = classes;
    this.counts = counts;
  }

  /**
   * @throws IllegalArgumentException if the arrays differ in length or hold a class outside [0, classes)
   */
  public static ConfusionMatrix of(int[] predicted, int[] actual, int classes) {
    if (predicted.length != actual.length) {
      throw new IllegalArgumentException("predicted has " + predicted.length + " classes but actual has "
          + actual.length + "; expected one of each per row");
    }
    long[] counts = new long[classes * classes];
    for (int i = 0; i < actual.length; i++) {
      check("actual", i, actual[i], classes);
      check("predicted", i, predicted[i], classes);
      counts[actual[i] * classes + predicted[i]]++;
    }
    return new ConfusionMatrix(classes, counts);
  }

  private static void check(String name, int i, int value, int classes) {
    if (value < 0 || value >= classes) {
      throw new IllegalArgumentException(name + "[" + i + "] = " + value + " is not a class; expected [0, " + classes + ")");
    }
  }

  public int classes() {
    return classes;
  }

  /** Rows of class {@code actual} predicted as {@code predicted}. */
  public long count(int actual, int predicted) {
    return counts[actual * classes + predicted];
  }

  public long total() {
    long total = 0;
    for (long c : counts) total += c;
    return total;
  }

  /** The fraction predicted right; NaN for no rows. */
  public double accuracy() {
    long right = 0;
    for (int c = 0; c < classes; c++) right += count(c, c);
    return (double) right / total();
  }

  /** Of the rows predicted as {@code c}, the fraction that are c; NaN when none was. */
  public double precision(int c) {
    long predicted = 0;
    for (int a = 0; a < classes; a++) predicted += count(a, c);
    return (double) count(c, c) / predicted;
  }

  /** Of the rows of class {@code c}, the fraction predicted as c; NaN when there are none. */
  public double recall(int c) {
    long actual = 0;
    for (int p = 0; p < classes; p++) actual += count(c, p);
    return (double) count(c, c) / actual;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("actual \\ predicted\n");
    for (int a = 0; a < classes; a++) {
      for (int p = 0; p < classes; p++) text.append(String.format("%8d", count(a, p)));
      text.append('\n');
    }
    return text.toString();
  }
}
