package dev.kiln.runtime.norm;

import dev.kiln.runtime.kernel.Epilogue;
import dev.kiln.runtime.kernel.KernelProvider;
import dev.kiln.runtime.kernel.Parallel;

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
  private final int threads;
  private final Segments segments = KernelProvider.vectorized() ? new PanamaSegments() : new ScalarSegments();
  /** Each calling thread's pass: its operands are set per call, so it must not be shared. */
  private final ThreadLocal<Pass> passes = ThreadLocal.withInitial(Pass::new);
  /** Values below which a second thread costs more than it saves. */
  private static final long PARALLEL_VALUES = 1L << 15;

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
    this.threads = KernelProvider.threads();
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
    Pass pass = passes.get();
    pass.set(false, x, z, null, null, rows, p, wOff, bOff, null, -1, -1, buffers, meanOff, varOff);
    run(pass, rows);
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
    for (int r = 0; r < rows; r++) sum += segments.sum(x, r * size() + c * valuesPerChannel, valuesPerChannel);
    return sum;
  }

  /** The sum of channel c's squared distances from {@code m} over the rows. */
  private double squares(float[] x, int rows, int c, double m) {
    double squares = 0;
    for (int r = 0; r < rows; r++) {
      squares += segments.squares(x, r * size() + c * valuesPerChannel, valuesPerChannel, m);
    }
    return squares;
  }

  /** Channel c: {@code y = x · scale + shift}, the normalisation and the affine transform folded into one. */
  private void normalize(float[] x, float[] y, int rows, int c, float[] p, int wOff, int bOff, float m, float s) {
    float scale = s * (wOff >= 0 ? p[wOff + c] : 1f);
    float shift = (bOff >= 0 ? p[bOff + c] : 0f) - m * scale;
    for (int r = 0; r < rows; r++) {
      segments.scale(x, y, r * size() + c * valuesPerChannel, valuesPerChannel, scale, shift);
    }
  }

  /**
   * The backward pass of the last {@link #forwardTraining}: {@code dx} from {@code dy} and that pass's input
   * {@code x}, overwritten ({@code dx} may be {@code dy}, or null when no one needs it); the weight's and
   * bias's gradients at {@code gwOff} and {@code gbOff} ({@code wOff < 0}: none), overwritten.
   */
  public void backward(float[] x, float[] dy, float[] dx, int rows, float[] p, int wOff, float[] g, int gwOff,
      int gbOff) {
    Pass pass = passes.get();
    pass.set(true, x, null, dy, dx, rows, p, wOff, -1, g, gwOff, gbOff, null, -1, -1);
    run(pass, rows);
  }

  private void run(Pass pass, int rows) {
    boolean large = (long) rows * size() >= PARALLEL_VALUES && channels > 1;
    Parallel.run(pass, channels, channels / 2, large ? threads : 1);
  }

  /** Channel c's statistics, running statistics and normalised values, as {@link #forwardTraining} computes them. */
  private void train(Pass o, int c) {
    long n = (long) o.rows * valuesPerChannel;
    double m = sum(o.x, o.rows, c) / n;
    double squares = squares(o.x, o.rows, c, m);
    mean[c] = (float) m;
    invStd[c] = (float) (1 / Math.sqrt(squares / n + eps));
    if (o.meanOff >= 0) {
      o.buffers[o.meanOff + c] = (1 - momentum) * o.buffers[o.meanOff + c] + momentum * (float) m;
      o.buffers[o.varOff + c] = (1 - momentum) * o.buffers[o.varOff + c] + momentum * (float) (squares / (n - 1));
    }
    normalize(o.x, o.z, o.rows, c, o.p, o.wOff, o.bOff, mean[c], invStd[c]);
  }

  /** Channel c's part of {@link #backward}. */
  private void backward(Pass o, int c) {
    float[] x = o.x;
    float[] dy = o.dy;
    float[] dx = o.dx;
    int rows = o.rows;
    long n = (long) rows * valuesPerChannel;
    float m = mean[c];
    float s = invStd[c];
    double sumDy = 0;
    double sumDyXhat = 0;
    for (int r = 0; r < rows; r++) {
      int from = r * size() + c * valuesPerChannel;
      sumDy += segments.sum(dy, from, valuesPerChannel);
      sumDyXhat += segments.sumDyXhat(dy, x, from, valuesPerChannel, m, s);
    }
    float weight = o.wOff >= 0 ? o.p[o.wOff + c] : 1f;
    if (o.wOff >= 0) {
      o.g[o.gwOff + c] = (float) sumDyXhat;
      o.g[o.gbOff + c] = (float) sumDy;
    }
    if (dx == null) return;
    // dx = weight · invStd · (dy - mean(dy) - xhat · mean(dy · xhat)), PyTorch's formula.
    float meanDy = (float) (sumDy / n);
    float meanDyXhat = (float) (sumDyXhat / n);
    float k = weight * s;
    for (int r = 0; r < rows; r++) {
      segments.inputGradient(dy, x, dx, r * size() + c * valuesPerChannel, valuesPerChannel, k, meanDy, m, s,
          meanDyXhat);
    }
  }

  /** One call's operands; the channels [from, to) are done by {@link #rows}, on whichever thread. */
  private final class Pass implements Parallel.Rows {
    boolean backward;
    float[] x, z, dy, dx, p, g, buffers;
    int rows, wOff, bOff, gwOff, gbOff, meanOff, varOff;

    void set(boolean backward, float[] x, float[] z, float[] dy, float[] dx, int rows, float[] p, int wOff, int bOff,
        float[] g, int gwOff, int gbOff, float[] buffers, int meanOff, int varOff) {
      this.backward = backward;
      this.x = x;
      this.z = z;
      this.dy = dy;
      this.dx = dx;
      this.rows = rows;
      this.p = p;
      this.wOff = wOff;
      this.bOff = bOff;
      this.g = g;
      this.gwOff = gwOff;
      this.gbOff = gbOff;
      this.buffers = buffers;
      this.meanOff = meanOff;
      this.varOff = varOff;
    }

    @Override
    public void rows(int from, int to) {
      for (int c = from; c < to; c++) {
        if (backward) {
          backward(this, c);
        } else {
          train(this, c);
        }
      }
    }
  }
}
