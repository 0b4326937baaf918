package dev.kiln.spark;

import dev.kiln.runtime.data.Dataset;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One training row for {@link KilnSpark#fit}: its features and either a class index (for cross-entropy and
 * NLL) or a float target per output (for BCE, MSE and the other losses). The arrays are kept, not copied:
 * do not change them once the row is made.
 */
public final class Example implements Serializable {
  private static final long serialVersionUID = 1L;

  private final float[] features;
  /** The row's token ids, for a model that reads them; then {@code features} is null. */
  private final int[] tokens;
  private final int label;
  private final float[] target;

  private Example(float[] features, int[] tokens, int label, float[] target) {
    if (features == null && tokens == null) {
      throw new IllegalArgumentException("the row's inputs are null; expected its features or token ids");
    }
    this.features = features;
    this.tokens = tokens;
    this.label = label;
    this.target = target;
  }

  /** A row whose loss takes a class index; an ignored index ({@code ignoreIndex} of the loss) is allowed. */
  public static Example of(float[] x, int label) {
    return new Example(x, null, label, null);
  }

  /** A row of token ids, for a model with {@code @Input(tokens, vocabulary)}, whose loss takes a class index. */
  public static Example ofTokens(int[] tokens, int label) {
    if (tokens == null) throw new IllegalArgumentException("tokens is null; expected the row's token ids");
    return new Example(null, tokens, label, null);
  }

  /** A row whose loss takes one float target per output. */
  public static Example of(float[] x, float[] target) {
    if (target == null) throw new IllegalArgumentException("target is null; expected one value per output");
    return new Example(x, null, 0, target);
  }

  /** Every row of {@code data}, in order: class indices or float targets, as the data set holds them. */
  public static List<Example> listOf(Dataset data) {
    List<Example> rows = new ArrayList<>(data.size());
    int width = data.width();
    if (data.hasTokens()) {
      if (data.labelWidth() != 1) {
        throw new IllegalArgumentException("the dataset has a label per position; KilnSpark.fit takes one per row");
      }
      int[] tokens = data.tokens();
      int[] labels = data.labels();
      for (int i = 0; i < data.size(); i++) rows.add(ofTokens(Arrays.copyOfRange(tokens, i * width, (i + 1) * width),
          labels[i]));
      return rows;
    }
    float[] x = data.features();
    int[] labels = data.hasLabels() ? data.labels() : null;
    float[] targets = data.hasLabels() ? null : data.targets();
    int targetWidth = data.targetWidth();
    for (int i = 0; i < data.size(); i++) {
      float[] features = Arrays.copyOfRange(x, i * width, (i + 1) * width);
      rows.add(labels != null ? of(features, labels[i])
          : of(features, Arrays.copyOfRange(targets, i * targetWidth, (i + 1) * targetWidth)));
    }
    return rows;
  }

  /** The row's features; only for a row made with {@code of}. */
  public float[] features() {
    if (features == null) throw new IllegalStateException("this row holds token ids, not features");
    return features;
  }

  /** Whether this row holds token ids ({@link #ofTokens}) rather than features. */
  public boolean hasTokens() {
    return tokens != null;
  }

  /** The row's token ids; only for a row made with {@link #ofTokens}. */
  public int[] tokens() {
    if (tokens == null) throw new IllegalStateException("this row holds features, not token ids");
    return tokens;
  }

  /** Whether this row holds a class index rather than float targets. */
  public boolean hasLabel() {
    return target == null;
  }

  /** The class index; only for a row made with {@link #of(float[], int)}. */
  public int label() {
    if (target != null) throw new IllegalStateException("this row holds float targets, not a class index");
    return label;
  }

  /** The float targets; only for a row made with {@link #of(float[], float[])}. */
  public float[] target() {
    if (target == null) throw new IllegalStateException("this row holds a class index, not float targets");
    return target;
  }

  @Override
  public String toString() {
    return "Example[" + (tokens != null ? tokens.length + " tokens, " : features.length + " features, ")
        + (target == null ? "label " + label
        : target.length + " targets") + "]";
  }
}
