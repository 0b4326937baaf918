package dev.kiln.runtime;

/**
 * The activations generated code applies after a layer. Every one here has a derivative that can be
 * written in terms of its output, so the backward pass needs only the stored outputs.
 */
public enum Activation {
  IDENTITY {
    @Override public void forwardRow(float[] y, int off, int n) {}
    @Override public void backwardRow(float[] y, float[] dy, int off, int n) {}
  },
  RELU {
    @Override public void forwardRow(float[] y, int off, int n) {
      for (int i = off; i < off + n; i++) y[i] = Math.max(y[i], 0f);
    }
    @Override public void backwardRow(float[] y, float[] dy, int off, int n) {
      for (int i = off; i < off + n; i++) if (y[i] <= 0f) dy[i] = 0f;
    }
  },
  TANH {
    @Override public void forwardRow(float[] y, int off, int n) {
      for (int i = off; i < off + n; i++) y[i] = (float) Math.tanh(y[i]);
    }
    @Override public void backwardRow(float[] y, float[] dy, int off, int n) {
      for (int i = off; i < off + n; i++) dy[i] *= 1f - y[i] * y[i];
    }
  },
  SIGMOID {
    @Override public void forwardRow(float[] y, int off, int n) {
      for (int i = off; i < off + n; i++) y[i] = sigmoid(y[i]);
    }
    @Override public void backwardRow(float[] y, float[] dy, int off, int n) {
      for (int i = off; i < off + n; i++) dy[i] *= y[i] * (1f - y[i]);
    }
  },
  SOFTMAX {
    @Override public void forwardRow(float[] y, int off, int n) {
      float max = rowMax(y, off, n);
      double sum = 0;
      for (int i = off; i < off + n; i++) {
        y[i] = (float) Math.exp(y[i] - max);
        sum += y[i];
      }
      float inv = (float) (1.0 / sum);
      for (int i = off; i < off + n; i++) y[i] *= inv;
    }
    @Override public void backwardRow(float[] y, float[] dy, int off, int n) {
      double dot = 0;
      for (int i = off; i < off + n; i++) dot += (double) dy[i] * y[i];
      for (int i = off; i < off + n; i++) dy[i] = y[i] * (float) (dy[i] - dot);
    }
  },
  LOG_SOFTMAX {
    @Override public void forwardRow(float[] y, int off, int n) {
      float max = rowMax(y, off, n);
      double sum = 0;
      for (int i = off; i < off + n; i++) sum += Math.exp(y[i] - max);
      float shift = max + (float) Math.log(sum);
      for (int i = off; i < off + n; i++) y[i] -= shift;
    }
    @Override public void backwardRow(float[] y, float[] dy, int off, int n) {
      double sum = 0;
      for (int i = off; i < off + n; i++) sum += dy[i];
      for (int i = off; i < off + n; i++) dy[i] -= (float) Math.exp(y[i]) * (float) sum;
    }
  };

  /** Replaces {@code y[off, off + n)}, one row of pre-activations, by the activation's output. */
  public abstract void forwardRow(float[] y, int off, int n);

  /** Turns the gradient {@code dy} with respect to the output {@code y} into the gradient of the input, in place. */
  public abstract void backwardRow(float[] y, float[] dy, int off, int n);

  /** Applies the activation to {@code rows} rows of {@code cols} values. */
  public void forward(float[] y, int rows, int cols) {
    for (int r = 0; r < rows; r++) forwardRow(y, r * cols, cols);
  }

  /** Back-propagates through the activation over {@code rows} rows, given its outputs {@code y}. */
  public void backward(float[] y, float[] dy, int rows, int cols) {
    for (int r = 0; r < rows; r++) backwardRow(y, dy, r * cols, cols);
  }

  /** The logistic function, evaluated without overflow for any input. */
  public static float sigmoid(float x) {
    if (x >= 0) {
      return (float) (1.0 / (1.0 + Math.exp(-x)));
    }
    double e = Math.exp(x);
    return (float) (e / (1.0 + e));
  }

  static float rowMax(float[] y, int off, int n) {
    float max = Float.NEGATIVE_INFINITY;
    for (int i = off; i < off + n; i++) max = Math.max(max, y[i]);
    return max;
  }
}
