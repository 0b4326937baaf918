package dev.kiln.runtime.activation;

import dev.kiln.runtime.kernel.KernelProvider;

/** The activations without options whose gradient follows from their output, or from their input alone. */
public enum Elementwise implements Activation {
  IDENTITY {
    @Override public Fused fused() {
      return Fused.IDENTITY;
    }
    @Override public void forwardRow(float[] z, float[] y, int off, int n) {
      if (z != y) System.arraycopy(z, off, y, off, n);
    }
    @Override public void backwardRow(float[] z, float[] y, float[] dy, int off, int n) {}
  },
  RELU {
    @Override public Fused fused() {
      return Fused.RELU;
    }
    @Override public void forwardRow(float[] z, float[] y, int off, int n) {
      for (int i = off; i < off + n; i++) y[i] = Math.max(z[i], 0f);
    }
    @Override public void backwardRow(float[] z, float[] y, float[] dy, int off, int n) {
      // PyTorch's threshold_backward: no gradient where the output is 0, including at 0 itself.
      for (int i = off; i < off + n; i++) if (y[i] <= 0f) dy[i] = 0f;
    }
    @Override public void backward(float[] z, float[] y, float[] dy, int rows, int cols) {
      KernelProvider.vectors().reluBackward(y, dy, rows * cols);
    }
  },
  TANH {
    @Override public void forwardRow(float[] z, float[] y, int off, int n) {
      for (int i = off; i < off + n; i++) y[i] = (float) Math.tanh(z[i]);
    }
    @Override public void backwardRow(float[] z, float[] y, float[] dy, int off, int n) {
      for (int i = off; i < off + n; i++) dy[i] *= 1f - y[i] * y[i];
    }
  },
  SIGMOID {
    @Override public void forwardRow(float[] z, float[] y, int off, int n) {
      for (int i = off; i < off + n; i++) y[i] = (float) sigmoid(z[i]);
    }
    @Override public void backwardRow(float[] z, float[] y, float[] dy, int off, int n) {
      for (int i = off; i < off + n; i++) dy[i] *= (1f - y[i]) * y[i];
    }
  },
  SILU {
    @Override public boolean needsInput() {
      return true;
    }
    @Override public void forwardRow(float[] z, float[] y, int off, int n) {
      for (int i = off; i < off + n; i++) y[i] = (float) (z[i] * sigmoid(z[i]));
    }
    @Override public void backwardRow(float[] z, float[] y, float[] dy, int off, int n) {
      for (int i = off; i < off + n; i++) {
        double s = sigmoid(z[i]);
        dy[i] = (float) (dy[i] * s * (1 + z[i] * (1 - s)));
      }
    }
  };

  /** The logistic function in double precision, without overflow. */
  public static double sigmoid(double x) {
    if (x >= 0) {
      return 1 / (1 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1 + e);
  }
}
