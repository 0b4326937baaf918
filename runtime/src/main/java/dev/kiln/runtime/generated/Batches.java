package dev.kiln.runtime.generated;

import java.util.Arrays;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Checks that generated code runs on its inputs, with messages that name the value and what was expected. */
public final class Batches {
  private Batches() {}

  /**
   * The number of rows in {@code x}, a row-major batch of {@code features}-wide rows.
   *
   * @throws IllegalArgumentException if x is null, empty, or not a whole number of rows
   */
  public static int rows(float[] x, int features) {
    return count(x == null ? -1 : x.length, features, "features", "values");
  }

  /**
   * The number of rows in {@code tokens}, a row-major batch of rows of {@code length} token ids.
   *
   * @throws IllegalArgumentException if tokens is null, empty, or not a whole number of rows
   */
  public static int rows(int[] tokens, int length) {
    return count(tokens == null ? -1 : tokens.length, length, "tokens", "ids");
  }

  /** Rows of {@code width} in a batch of {@code values} values (-1: no array at all). */
  private static int count(int values, int width, String perRow, String unit) {
    if (values < 0) {
      throw new IllegalArgumentException("x is null; expected a row-major batch of rows of " + width + " " + perRow);
    }
    if (values == 0 || values % width != 0) {
      throw new IllegalArgumentException("x has " + values + " " + unit + "; expected a positive multiple of "
          + width + " (rows of " + width + " " + perRow + ")");
    }
    return values / width;
  }

  /** About the most values of one layer's output that {@link #inSlices} lets a slice of a batch allocate: 16 MiB. */
  private static final int SLICE_VALUES = 1 << 22;

  /**
   * {@code forward} applied to slices of {@code x}, each small enough that no layer's output exceeds about
   * 16 MiB, their outputs concatenated: a large batch (a whole test set) is evaluated in bounded memory.
   * A batch that fits in one slice goes to {@code forward} as is.
   */
  public static float[] inSlices(float[] x, int in, int out, int widestRow, UnaryOperator<float[]> forward) {
    return inSlices(x.length / in, out, widestRow, (first, count) -> forward.apply(
        first == 0 && count == x.length / in ? x : Arrays.copyOfRange(x, first * in, (first + count) * in)));
  }

  /** {@link #inSlices(float[], int, int, int, UnaryOperator)} for a batch of token ids. */
  public static float[] inSlices(int[] x, int in, int out, int widestRow, Function<int[], float[]> forward) {
    return inSlices(x.length / in, out, widestRow, (first, count) -> forward.apply(
        first == 0 && count == x.length / in ? x : Arrays.copyOfRange(x, first * in, (first + count) * in)));
  }

  /** The forward pass of the rows [first, first + count) of a batch. */
  private interface Slice {
    float[] forward(int first, int count);
  }

  /** The slicing of both: the whole batch at once when it fits one slice, else slice by slice, concatenated. */
  private static float[] inSlices(int rows, int out, int widestRow, Slice slice) {
    int size = Math.max(1, SLICE_VALUES / widestRow);
    if (rows <= size) return slice.forward(0, rows);
    float[] y = new float[Math.multiplyExact(rows, out)];
    for (int first = 0; first < rows; first += size) {
      int count = Math.min(size, rows - first);
      System.arraycopy(slice.forward(first, count), 0, y, first * out, count * out);
    }
    return y;
  }

  /** The longest array a JVM allocates. */
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  /**
   * {@link #rows(float[], int)}, and fails when the batch has more rows than a workspace of
   * {@code widestRow} values per row can hold in one array, rather than let {@code rows * widestRow} wrap.
   */
  public static int rows(float[] x, int features, int widestRow) {
    return bounded(rows(x, features), widestRow);
  }

  /** {@link #rows(int[], int)}, bounded as {@link #rows(float[], int, int)} is. */
  public static int rows(int[] tokens, int length, int widestRow) {
    return bounded(rows(tokens, length), widestRow);
  }

  private static int bounded(int rows, int widestRow) {
    if (rows > MAX_ARRAY / widestRow) {
      throw new IllegalArgumentException("x has " + rows + " rows; expected at most " + MAX_ARRAY / widestRow
          + ", since the widest layer holds " + widestRow + " values per row and a Java array at most "
          + MAX_ARRAY + ". Split the batch");
    }
    return rows;
  }

  /** Fails unless {@code targets} is non-null; the losses check its length and values. */
  public static <T> T targets(T targets) {
    if (targets == null) {
      throw new IllegalArgumentException("targets is null; expected one target per row of x");
    }
    return targets;
  }

  /** Fails unless {@code out} holds exactly {@code rows} rows of {@code cols} values. */
  public static void output(float[] out, int rows, int cols) {
    if (out == null || out.length != rows * cols) {
      throw new IllegalArgumentException("out has " + (out == null ? "no array" : out.length + " values")
          + "; expected " + rows * cols + " (" + rows + " rows x " + cols + " outputs)");
    }
  }

  /**
   * What a token model's float entries throw: {@code model} reads {@code length} token ids per row, through
   * the methods that take {@code int[]}.
   */
  public static UnsupportedOperationException readsTokens(String model, int length) {
    return new UnsupportedOperationException(model + " reads token ids, " + length
        + " per row, not floats: pass them as an int[] (forward(int[]), predict(int[]), step(int[], ...))");
  }

  /**
   * Fails unless a model whose output is a sequence of {@code positions} positions got one class index per
   * position, [rows x positions]; one per row is the mistake worth naming, with its fix.
   */
  public static void targetsPerPosition(int[] targets, int rows, int positions) {
    if (targets.length == rows * positions) return;
    String fix = targets.length == rows ? ". One target per example needs an output per example: reduce the"
        + " sequence with @SequencePool(...) before the last @Linear" : "";
    throw new IllegalArgumentException("targets has " + targets.length + " class indices; the output is a sequence"
        + " [" + rows + " rows x " + positions + " positions], which takes one per position: " + rows * positions
        + fix);
  }

  /**
   * Fails when a model whose output is one vector per row got a class index per position of its {@code
   * positions}-token rows instead of one per row.
   */
  public static void targetsPerRow(int[] targets, int rows, int positions) {
    if (targets.length == rows * positions && positions > 1) {
      throw new IllegalArgumentException("targets has " + targets.length + " class indices, one per position of ["
          + rows + " rows x " + positions + " positions]; the output is one vector per row, which takes one per"
          + " row: " + rows + ". For a target per position, end the model on the sequence (no @SequencePool)");
    }
  }
}
