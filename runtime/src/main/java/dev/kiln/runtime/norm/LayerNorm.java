package dev.kiln.runtime.norm;

import dev.kiln.runtime.kernel.Epilogue;

/**
 * {@code nn.LayerNorm} over each row's last {@code size} values (a vector's features, or all of C, H and
 * W of a feature map): each row normalised with its own mean and biased variance, then, with an
 * elementwise affine transform, scaled and shifted value by value. The same in training and in
 * evaluation. Sums are taken in double, then rounded once.
 */
public final class LayerNorm {
  private final int size;
  private final float eps;
  /** The last forward pass's mean and 1/sqrt(variance + eps) per row, for the backward pass; grown as needed. */
  private float[] mean = new float[0];
  private float[] invStd = new float[0];
  /** The weight's and the bias's gradients as they are summed over the rows. */
  private final double[] weightSums;
  private final double[] biasSums;

  public LayerNorm(int size, float eps) {
    this.size = size;
    this.eps = eps;
    this.weightSums = new double[size];
    this.biasSums = new double[size];
  }

  public int size() {
    return size;
  }

  /**
   * {@code z = (x - mean) / sqrt(var + eps) · weight + bias} row by row, keeping each row's statistics for
   * {@link #backward}, then {@code y = epilogue(z)} ({@code z} may be {@code y}). {@code wOff < 0}: no
   * weight and bias.
   */
  public void forward(float[] x, float[] z, float[] y, int rows, Epilogue epilogue, float[] p, int wOff, int bOff) {
    if (mean.length < rows) {
      mean = new float[rows];
      invStd = new float[rows];
    }
    for (int r = 0; r < rows; r++) {
      int row = r * size;
      double sum = 0;
      for (int i = row; i < row + size; i++) sum += x[i];
      double m = sum / size;
      double squares = 0;
      for (int i = row; i < row + size; i++) {
        double d = x[i] - m;
        squares += d * d;
      }
      float mu = (float) m;
      float s = (float) (1 / Math.sqrt(squares / size + eps));
      mean[r] = mu;
      invStd[r] = s;
      if (wOff >= 0) {
        for (int j = 0; j < size; j++) z[row + j] = (x[row + j] - mu) * s * p[wOff + j] + p[bOff + j];
      } else {
        for (int j = 0; j < size; j++) z[row + j] = (x[row + j] - mu) * s;
      }
    }
    epilogue.forward(z, y, rows, size);
  }

  /**
   * The backward pass of the last {@link #forward}, whose input was {@code x}: {@code dx} overwritten (it
   * may be {@code dy}, or null when no one needs it), and, when {@code wOff >= 0}, the weight's and bias's gradients at {@code gwOff} and
   * {@code gbOff}, overwritten, summed over the rows.
   */
  public void backward(float[] x, float[] dy, float[] dx, int rows, float[] p, int wOff, float[] g, int gwOff,
      int gbOff) {
    if (wOff >= 0) {
      // Row by row through memory, each feature's sums still taken over the rows in order.
      java.util.Arrays.fill(weightSums, 0);
      java.util.Arrays.fill(biasSums, 0);
      for (int r = 0; r < rows; r++) {
        int row = r * size;
        float mu = mean[r];
        float s = invStd[r];
        for (int j = 0; j < size; j++) {
          weightSums[j] += dy[row + j] * ((x[row + j] - mu) * s);
          biasSums[j] += dy[row + j];
        }
      }
      for (int j = 0; j < size; j++) {
        g[gwOff + j] = (float) weightSums[j];
        g[gbOff + j] = (float) biasSums[j];
      }
    }
    for (int r = 0; r < rows && dx != null; r++) {
      int row = r * size;
      float mu = mean[r];
      float s = invStd[r];
      // dx = invStd · (dxhat - mean(dxhat) - xhat · mean(dxhat · xhat)), where dxhat = dy · weight.
      double sumDxhat = 0;
      double sumDxhatXhat = 0;
      for (int j = 0; j < size; j++) {
        float dxhat = dy[row + j] * (wOff >= 0 ? p[wOff + j] : 1f);
        sumDxhat += dxhat;
        sumDxhatXhat += dxhat * ((x[row + j] - mu) * s);
      }
      float meanDxhat = (float) (sumDxhat / size);
      float meanDxhatXhat = (float) (sumDxhatXhat / size);
      for (int j = 0; j < size; j++) {
        float dxhat = dy[row + j] * (wOff >= 0 ? p[wOff + j] : 1f);
        dx[row + j] = s * (dxhat - meanDxhat - (x[row + j] - mu) * s * meanDxhatXhat);
      }
    }
  }
}
