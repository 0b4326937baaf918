package dev.kiln.runtime.data;

/**
 * Subtracts each feature's mean and divides by its standard deviation (population, as scikit-learn's
 * StandardScaler), as measured on one dataset, usually the training set, and applied to any.
 */
public final class Standardizer {
  private final float[] mean;
  private final float[] scale;

  private Standardizer(float[] mean, float[] scale) {
    this.mean = mean;
    this.scale = scale;
  }

  static Standardizer fit(float[] x, int width) {
    int rows = x.length / width;
    double[] sum = new double[width];
    double[] squares = new double[width];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < width; c++) {
        double v = x[r * width + c];
        sum[c] += v;
        squares[c] += v * v;
      }
    }
    float[] mean = new float[width];
    float[] scale = new float[width];
    for (int c = 0; c < width; c++) {
      double m = sum[c] / rows;
      double variance = Math.max(squares[c] / rows - m * m, 0);
      mean[c] = (float) m;
      // A constant feature is left unscaled rather than divided by zero.
      scale[c] = variance > 0 ? (float) Math.sqrt(variance) : 1f;
    }
    return new Standardizer(mean, scale);
  }

  public float[] mean() {
    return mean.clone();
  }

  public float[] standardDeviation() {
    return scale.clone();
  }

  /** {@code data} with every feature standardised. */
  public Dataset apply(Dataset data) {
    if (data.width() != mean.length) {
      throw new IllegalArgumentException("the dataset has " + data.width() + " features; expected " + mean.length);
    }
    float[] x = data.features();
    for (int i = 0; i < x.length; i++) {
      int c = i % mean.length;
      x[i] = (x[i] - mean[c]) / scale[c];
    }
    return data.withFeatures(x);
  }
}
