package dev.kiln.runtime.seq;

/**
 * A learned position table [length x dim] added to every sequence of a batch: PyTorch's
 * {@code x + positions.weight}, broadcast over the rows.
 */
public final class PositionEmbedding {
  private PositionEmbedding() {}

  /** {@code y[r, t] = x[r, t] + table[t]}; {@code y} may be {@code x}. */
  public static void forward(float[] x, float[] p, int wOff, float[] y, int rows, int length, int dim) {
    int size = length * dim;
    for (int r = 0; r < rows; r++) {
      int row = r * size;
      for (int i = 0; i < size; i++) y[row + i] = x[row + i] + p[wOff + i];
    }
  }

  /** The table's gradient at {@code g[gOff]}, overwritten: the output gradient summed over the rows. */
  public static void backward(float[] dy, float[] g, int gOff, int rows, int length, int dim) {
    int size = length * dim;
    for (int i = 0; i < size; i++) {
      float sum = 0;
      for (int r = 0; r < rows; r++) sum += dy[r * size + i];
      g[gOff + i] = sum;
    }
  }
}
