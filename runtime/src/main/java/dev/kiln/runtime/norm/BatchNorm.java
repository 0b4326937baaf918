package dev.kiln.runtime.norm;

import dev.kiln.runtime.kernel.Epilogue;

/**
 * {@code nn.BatchNorm1d} and {@code nn.BatchNorm2d} as generated code runs them: each row of a batch holds
 * {@code channels} channels of {@code valuesPerChannel} values (one value per feature for vectors, a
 * channel's height x width for maps). Training normalises with the batch's mean and biased variance,
 * kept for the backward pass, and moves the running statistics toward the batch's by {@code momentum}
 * (the variance unbiased); evaluation normalises with the running statistics, or with the batch's when
 * there are none, as PyTorch does.
 *
 * <p>Sums are taken in double, then rounded once.
 */
public final class BatchNorm {
  private final String name;
  private final int channels;
  private final int valuesPerChannel;
  private final float eps;
  private final float momentum;
  /** The last training batch's mean and 1/sqrt(variance + eps), per channel, for the backward pass. */
  private final float[] mean;
  private final float[] invStd;

  /**
   * @param name what error messages call the layer, such as {@code "@BatchNorm2d on bn()"}
   */
  public BatchNorm(String name, int channels, int valuesPerChannel, float eps, float momentum) {
    this.name = name;
    this.channels = channels;
    this.valuesPerChannel = valuesPerChannel;
    this.eps = eps;
    this.momentum = momentum;
    this.mean = new float[channels];
    this.invStd = new float[channels];
  }

  /** Values per row. */
  public int size() {
    return channels * valuesPerChannel;
  }

  /**
   * Training: {@code z = (x - mean) / sqrt(var + eps) · weight + bias} with the batch's statistics, then
   * {@code y = epilogue(z)} ({@code z} may be {@code y}), the running statistics updated and the batch
   * counter incremented. {@code wOff < 0}: no affine
   * weight and bias; {@code meanOff < 0}: no running statistics (then {@code varOff} and
   * {@code countOff} are not read).
   *
   * @throws IllegalArgumentException when a channel has a single value in the batch, which has no variance
   */
  public void forwardTraining(float[] x, float[] z, float[] y, int rows, Epilogue epilogue, float[] p, int wOff,
      int bOff, float[] buffers, int meanOff, int varOff, long[] longBuffers, int countOff) {
    long n = (long) rows * valuesPerChannel;
    if (n <= 1) {
      throw new IllegalArgumentException(name + " needs more than 1 value per channel to train, got " + rows
          + (rows == 1 ? " row" : " rows") + " of " + channels + " x " + valuesPerChannel
          + " values; train with batches of 2 or more rows");
    }
    for (int c = 0; c < channels; c++) {
      double m = sum(x, rows, c) / n;
      double squares = squares(x, rows, c, m);
      mean[c] = (float) m;
      invStd[c] = (float) (1 / Math.sqrt(squares / n + eps));
      if (meanOff >= 0) {
        buffers[meanOff + c] = (1 - momentum) * buffers[meanOff + c] + momentum * (float) m;
        buffers[varOff + c] = (1 - momentum) * buffers[varOff + c] + momentum * (float) (squares / (n - 1));
      }
      normalize(x, z, rows, c, p, wOff, bOff, mean[c], invStd[c]);
    }
    if (meanOff >= 0) longBuffers[countOff]++;
    epilogue.forward(z, y, rows, size());
  }

  /**
   * Evaluation: normalised with the running statistics ({@code meanOff >= 0}), or with the batch's when
   * the layer keeps none; nothing is updated, nothing allocated.
   */
  public void forwardInference(float[] x, float[] z, float[] y, int rows, Epilogue epilogue, float[] p, int wOff,
      int bOff, float[] buffers, int meanOff, int varOff) {
    long n = (long) rows * valuesPerChannel;
    for (int c = 0; c < channels; c++) {
      if (meanOff >= 0) {
        normalize(x, z, rows, c, p, wOff, bOff, buffers[meanOff + c],
            (float) (1 / Math.sqrt(buffers[varOff + c] + eps)));
      } else {
        double m = sum(x, rows, c) / n;
        normalize(x, z, rows, c, p, wOff, bOff, (float) m, (float) (1 / Math.sqrt(squares(x, rows, c, m) / n + eps)));
      }
    }
    epilogue.forward(z, y, rows, size());
  }

  /** The sum of channel c's values over the rows. */
  private double sum(float[] x, int rows, int c) {
    double sum = 0;
    for (int r = 0; r < rows; r++) {
      for (int i = r * size() + c * valuesPerChannel, end = i + valuesPerChannel; i < end; i++) sum += x[i];
    }
    return sum;
  }

  /** The sum of channel c's squared distances from {@code m} over the rows. */
  private double squares(float[] x, int rows, int c, double m) {
    double squares = 0;
    for (int r = 0; r < rows; r++) {
      for (int i = r * size() + c * valuesPerChannel, end = i + valuesPerChannel; i < end; i++) {
        double d = x[i] - m;
        squares += d * d;
      }
    }
    return squares;
  }

  /** Channel c: {@code y = x · scale + shift}, the normalisation and the affine transform folded into one. */
  private void normalize(float[] x, float[] y, int rows, int c, float[] p, int wOff, int bOff, float m, float s) {
    float scale = s * (wOff >= 0 ? p[wOff + c] : 1f);
    float shift = (bOff >= 0 ? p[bOff + c] : 0f) - m * scale;
    for (int r = 0; r < rows; r++) {
      for (int i = r * size() + c * valuesPerChannel, end = i + valuesPerChannel; i < end; i++) {
        y[i] = x[i] * scale + shift;
      }
    }
  }

  /**
   * The backward pass of the last {@link #forwardTraining}: {@code dx} from {@code dy} and that pass's input
   * {@code x}, overwritten ({@code dx} may be {@code dy}, or null when no one needs it); the weight's and
   * bias's gradients at {@code gwOff} and {@code gbOff} ({@code wOff < 0}: none), overwritten.
   */
  public void backward(float[] x, float[] dy, float[] dx, int rows, float[] p, int wOff, float[] g, int gwOff,
      int gbOff) {
    long n = (long) rows * valuesPerChannel;
    for (int c = 0; c < channels; c++) {
      double sumDy = 0;
      double sumDyXhat = 0;
      float m = mean[c];
      float s = invStd[c];
      for (int r = 0; r < rows; r++) {
        for (int i = r * size() + c * valuesPerChannel, end = i + valuesPerChannel; i < end; i++) {
          sumDy += dy[i];
          sumDyXhat += dy[i] * ((x[i] - m) * s);
        }
      }
      float weight = wOff >= 0 ? p[wOff + c] : 1f;
      if (wOff >= 0) {
        g[gwOff + c] = (float) sumDyXhat;
        g[gbOff + c] = (float) sumDy;
      }
      if (dx == null) continue;
      // dx = weight · invStd · (dy - mean(dy) - xhat · mean(dy · xhat)), PyTorch's formula.
      float meanDy = (float) (sumDy / n);
      float meanDyXhat = (float) (sumDyXhat / n);
      float k = weight * s;
      for (int r = 0; r < rows; r++) {
        for (int i = r * size() + c * valuesPerChannel, end = i + valuesPerChannel; i < end; i++) {
          dx[i] = k * (dy[i] - meanDy - (x[i] - m) * s * meanDyXhat);
        }
      }
    }
  }
}
