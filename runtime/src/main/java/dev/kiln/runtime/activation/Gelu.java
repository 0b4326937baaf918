package dev.kiln.runtime.activation;


/** {@code nn.GELU}: {@code x · Φ(x)}, exact or with PyTorch's tanh approximation. */
public enum Gelu implements Activation {
  EXACT {
    @Override public void forwardRow(float[] z, float[] y, int off, int n) {
      for (int i = off; i < off + n; i++) y[i] = (float) (z[i] * normalCdf(z[i]));
    }
    @Override public void backwardRow(float[] z, float[] y, float[] dy, int off, int n) {
      for (int i = off; i < off + n; i++) {
        double x = z[i];
        dy[i] = (float) (dy[i] * (normalCdf(x) + x * Math.exp(-0.5 * x * x) * INV_SQRT_2PI));
      }
    }
  },
  TANH {
    @Override public void forwardRow(float[] z, float[] y, int off, int n) {
      for (int i = off; i < off + n; i++) {
        double x = z[i];
        y[i] = (float) (0.5 * x * (1 + Math.tanh(BETA * (x + KAPPA * x * x * x))));
      }
    }
    @Override public void backwardRow(float[] z, float[] y, float[] dy, int off, int n) {
      for (int i = off; i < off + n; i++) {
        double x = z[i];
        double t = Math.tanh(BETA * (x + KAPPA * x * x * x));
        double derivative = 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * BETA * (1 + 3 * KAPPA * x * x);
        dy[i] = (float) (dy[i] * derivative);
      }
    }
  };

  private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
  private static final double BETA = Math.sqrt(2 / Math.PI);
  private static final double KAPPA = 0.044715;

  @Override
  public boolean needsInput() {
    return true;
  }

  /** Φ(x), the standard normal CDF. */
  static double normalCdf(double x) {
    return 0.5 * Erf.erfc(-x / Math.sqrt(2));
  }
}
