package dev.kiln.runtime.norm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.runtime.activation.Activation;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Batch normalization of a batch large enough to split its channels between the threads gives what the
 * definitions give, computed here plainly in double: outputs, running statistics, gradients.
 */
class BatchNormLargeBatchTest {
  private static final int ROWS = 24;
  private static final int CHANNELS = 6;
  private static final int SPREAD = 16 * 16;

  @Test
  void aSplitBatchIsNormalizedAndDifferentiatedAsTheDefinitionsSay() {
    SplittableRandom random = new SplittableRandom(5);
    int size = CHANNELS * SPREAD;
    float[] x = new float[ROWS * size];
    float[] dy = new float[ROWS * size];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (random.nextGaussian() * 2 + 0.5);
      dy[i] = (float) random.nextGaussian();
    }
    float[] p = new float[2 * CHANNELS];
    for (int c = 0; c < CHANNELS; c++) {
      p[c] = 0.5f + c * 0.1f;
      p[CHANNELS + c] = c * 0.2f - 0.3f;
    }
    float[] buffers = new float[2 * CHANNELS];
    java.util.Arrays.fill(buffers, CHANNELS, 2 * CHANNELS, 1f);
    long[] count = new long[1];
    BatchNorm norm = new BatchNorm("@BatchNorm2d on bn()", CHANNELS, SPREAD, 1e-5f, 0.1f);
    float[] y = new float[x.length];
    norm.forwardTraining(x, y, y, ROWS, Activation.IDENTITY, p, 0, CHANNELS, buffers, 0, CHANNELS, count, 0);
    float[] dx = new float[x.length];
    float[] g = new float[p.length];
    norm.backward(x, dy, dx, ROWS, p, 0, g, 0, CHANNELS);

    double n = ROWS * SPREAD;
    for (int c = 0; c < CHANNELS; c++) {
      double mean = 0;
      for (int r = 0; r < ROWS; r++) for (int j = 0; j < SPREAD; j++) mean += x[r * size + c * SPREAD + j];
      mean /= n;
      double variance = 0;
      for (int r = 0; r < ROWS; r++) {
        for (int j = 0; j < SPREAD; j++) variance += Math.pow(x[r * size + c * SPREAD + j] - mean, 2);
      }
      variance /= n;
      double invStd = 1 / Math.sqrt(variance + 1e-5);
      double sumDy = 0;
      double sumDyXhat = 0;
      for (int r = 0; r < ROWS; r++) {
        for (int j = 0; j < SPREAD; j++) {
          int i = r * size + c * SPREAD + j;
          double xhat = (x[i] - mean) * invStd;
          assertEquals(xhat * p[c] + p[CHANNELS + c], y[i], 1e-4, "y at " + i);
          sumDy += dy[i];
          sumDyXhat += dy[i] * xhat;
        }
      }
      assertEquals(sumDyXhat, g[c], 1e-3 * Math.max(1, Math.abs(sumDyXhat)), "dweight of channel " + c);
      assertEquals(sumDy, g[CHANNELS + c], 1e-3 * Math.max(1, Math.abs(sumDy)), "dbias of channel " + c);
      for (int r = 0; r < ROWS; r++) {
        for (int j = 0; j < SPREAD; j++) {
          int i = r * size + c * SPREAD + j;
          double xhat = (x[i] - mean) * invStd;
          double expected = p[c] * invStd * (dy[i] - sumDy / n - xhat * sumDyXhat / n);
          assertEquals(expected, dx[i], 1e-4, "dx at " + i);
        }
      }
      assertEquals(0.9 * 0 + 0.1 * mean, buffers[c], 1e-5, "running mean of channel " + c);
      assertEquals(0.9 * 1 + 0.1 * variance * n / (n - 1), buffers[CHANNELS + c], 1e-5, "running var of channel " + c);
    }
    assertEquals(1, count[0]);
  }
}
