package dev.kiln.runtime.seq;

/**
 * A sequence [length x dim] to one vector [dim]: its first position (a [CLS] token's), or the mean or the
 * maximum over the positions that are not padding. It keeps the last forward pass's chosen positions
 * (for the maximum) for {@link #backward}.
 */
public final class SequencePool {
  /** How the positions are pooled, as {@code dev.kiln.dsl.SequencePooling} names them. */
  public enum Mode { FIRST, MEAN, MAX }

  private final Mode mode;
  private final int length;
  private final int dim;
  /** [rows x dim]: for the maximum, the position each value came from. */
  private int[] argmax = new int[0];

  public SequencePool(Mode mode, int length, int dim) {
    this.mode = mode;
    this.length = length;
    this.dim = dim;
  }

  /** {@code y} [rows x dim] from {@code x} [rows x length x dim]; {@code padding} null: none is padding. */
  public void forward(float[] x, boolean[] padding, float[] y, int rows) {
    if (mode == Mode.MAX && argmax.length < rows * dim) argmax = new int[rows * dim];
    for (int r = 0; r < rows; r++) {
      int in = r * length * dim;
      int out = r * dim;
      switch (mode) {
        case FIRST -> System.arraycopy(x, in, y, out, dim);
        case MEAN -> {
          int count = 0;
          for (int j = 0; j < dim; j++) y[out + j] = 0f;
          for (int t = 0; t < length; t++) {
            if (padded(padding, r, t)) continue;
            count++;
            for (int j = 0; j < dim; j++) y[out + j] += x[in + t * dim + j];
          }
          for (int j = 0; j < dim; j++) y[out + j] /= count;
        }
        case MAX -> {
          for (int j = 0; j < dim; j++) {
            float best = Float.NEGATIVE_INFINITY;
            int at = -1;
            for (int t = 0; t < length; t++) {
              if (padded(padding, r, t)) continue;
              float v = x[in + t * dim + j];
              if (at < 0 || v > best || Float.isNaN(v)) {
                best = v;
                at = t;
                if (Float.isNaN(v)) break;
              }
            }
            y[out + j] = best;
            argmax[out + j] = at;
          }
        }
      }
    }
  }

  private boolean padded(boolean[] padding, int r, int t) {
    return padding != null && padding[r * length + t];
  }

  /** {@code dx} [rows x length x dim], overwritten, from {@code dy} [rows x dim]. */
  public void backward(float[] dy, boolean[] padding, float[] dx, int rows) {
    java.util.Arrays.fill(dx, 0, rows * length * dim, 0f);
    for (int r = 0; r < rows; r++) {
      int in = r * length * dim;
      int out = r * dim;
      switch (mode) {
        case FIRST -> System.arraycopy(dy, out, dx, in, dim);
        case MEAN -> {
          int count = 0;
          for (int t = 0; t < length; t++) if (!padded(padding, r, t)) count++;
          for (int t = 0; t < length; t++) {
            if (padded(padding, r, t)) continue;
            for (int j = 0; j < dim; j++) dx[in + t * dim + j] = dy[out + j] / count;
          }
        }
        case MAX -> {
          for (int j = 0; j < dim; j++) dx[in + argmax[out + j] * dim + j] = dy[out + j];
        }
      }
    }
  }
}
