package dev.kiln.runtime.pool;

import dev.kiln.runtime.kernel.Epilogue;
import dev.kiln.runtime.kernel.KernelProvider;
import dev.kiln.runtime.kernel.Parallel;
import java.util.Arrays;

/**
 * {@code nn.MaxPool2d} with a square window over each row's C-H-W maps. Padding counts as -∞; the
 * training pass records where each window's first maximum is, and the backward pass sends the
 * gradient there, as PyTorch does. The examples of a batch are split between the threads.
 */
public final class MaxPool2d {
  /** Windows below which a second thread costs more than it saves. */
  private static final long PARALLEL_WINDOWS = 1L << 14;

  private final PoolWindows w;
  private final int threads;
  /** Each calling thread's passes: their operands are set per call, so they must not be shared. */
  private final ThreadLocal<Passes> passes = ThreadLocal.withInitial(Passes::new);

  public MaxPool2d(int channels, int height, int width, int kernel, int stride, int padding, int dilation,
      boolean ceilMode) {
    this.w = new PoolWindows(channels, height, width, kernel, stride, padding, dilation, ceilMode);
    this.threads = KernelProvider.threads();
  }

  public int outHeight() {
    return w.outHeight;
  }

  public int outWidth() {
    return w.outWidth;
  }

  public int inSize() {
    return w.inSize();
  }

  public int outSize() {
    return w.outSize();
  }

  private void run(Parallel.Rows pass, int rows) {
    Parallel.run(pass, rows, rows / 2, (long) rows * w.outSize() >= PARALLEL_WINDOWS ? threads : 1);
  }

  /**
   * {@code z} = the maximum of each window, then {@code y = epilogue(z)} row by row ({@code z} may be
   * {@code y}); where {@code argmax} is not null, the index within its row of each maximum.
   */
  public void forward(float[] x, float[] z, float[] y, int[] argmax, int rows, Epilogue epilogue) {
    Forward f = passes.get().forward;
    f.x = x;
    f.z = z;
    f.y = y;
    f.argmax = argmax;
    f.epilogue = epilogue;
    run(f, rows);
  }

  /** {@code dx}: each output's gradient at its window's maximum, 0 elsewhere. */
  public void inputGradient(float[] dz, int[] argmax, float[] dx, int rows) {
    Backward b = passes.get().backward;
    b.set(dz, argmax, dx, null);
    run(b, rows);
  }

  /**
   * {@link #inputGradient}, then the backward pass of a ReLU below whose output is {@code reluOutput}, this
   * pool's input. Only a window's maximum receives a gradient, so the mask is applied as it is sent.
   */
  public void inputGradientRelu(float[] dz, int[] argmax, float[] dx, float[] reluOutput, int rows) {
    Backward b = passes.get().backward;
    b.set(dz, argmax, dx, reluOutput);
    run(b, rows);
  }

  private final class Passes {
    final Forward forward = new Forward();
    final Backward backward = new Backward();
  }

  private final class Forward implements Parallel.Rows {
    float[] x, z, y;
    int[] argmax;
    Epilogue epilogue;

    @Override
    public void rows(int from, int to) {
      boolean pairs = w.kernel == 2 && w.dilation == 1;
      for (int r = from; r < to; r++) {
        int xRow = r * w.inSize();
        int zRow = r * w.outSize();
        for (int c = 0; c < w.channels; c++) {
          int plane = xRow + c * w.height * w.width;
          for (int oh = 0; oh < w.outHeight; oh++) {
            int zLine = zRow + (c * w.outHeight + oh) * w.outWidth;
            int ih0 = oh * w.stride - w.padding;
            int khLo = w.firstRowTap[oh];
            int khHi = w.endRowTap[oh];
            int ow = 0;
            if (pairs && w.whole(khLo, khHi)) {
              for (; ow < w.firstWholeColumn; ow++) window(plane, ih0, khLo, khHi, ow, xRow, zLine);
              pairs(plane + ih0 * w.width - w.padding, w.firstWholeColumn, w.endWholeColumn, xRow, zLine);
              ow = w.endWholeColumn;
            }
            for (; ow < w.outWidth; ow++) window(plane, ih0, khLo, khHi, ow, xRow, zLine);
          }
        }
        epilogue.forwardRow(z, y, zRow, w.outSize());
      }
    }

    /**
     * The 2 x 2 windows of output columns [from, to) of one output row, wholly inside the input, whose
     * top-left taps for column 0 would be at {@code line}. Which of four values wins is as likely as not,
     * so it is chosen without a branch that would be mispredicted.
     */
    private void pairs(int line, int from, int to, int xRow, int zLine) {
      int width = w.width;
      int stride = w.stride;
      for (int ow = from; ow < to; ow++) {
        int i = line + ow * stride;
        int at = i;
        float max = x[i];
        float v = x[i + 1];
        boolean wins = v > max | v != v;
        at = wins ? i + 1 : at;
        max = Math.max(max, v);
        v = x[i + width];
        wins = v > max | v != v;
        at = wins ? i + width : at;
        max = Math.max(max, v);
        v = x[i + width + 1];
        wins = v > max | v != v;
        at = wins ? i + width + 1 : at;
        max = Math.max(max, v);
        z[zLine + ow] = max;
        if (argmax != null) argmax[zLine + ow] = at - xRow;
      }
    }

    /** One window, clipped to the input: as PyTorch, the first tap inside it until a value beats -∞; a NaN beats anything. */
    private void window(int plane, int ih0, int khLo, int khHi, int ow, int xRow, int zLine) {
      int iw0 = ow * w.stride - w.padding;
      int kwLo = w.firstColumnTap[ow];
      int kwHi = w.endColumnTap[ow];
      int start = plane + ih0 * w.width + iw0;
      int at = khLo < khHi && kwLo < kwHi ? start + khLo * w.dilation * w.width + kwLo * w.dilation : -1;
      float max = Float.NEGATIVE_INFINITY;
      for (int kh = khLo; kh < khHi; kh++) {
        int line = start + kh * w.dilation * w.width;
        for (int kw = kwLo; kw < kwHi; kw++) {
          int i = line + kw * w.dilation;
          float v = x[i];
          boolean wins = v > max | v != v;
          at = wins ? i : at;
          max = Math.max(max, v);
        }
      }
      z[zLine + ow] = max;
      if (argmax != null) argmax[zLine + ow] = at < 0 ? -1 : at - xRow;
    }
  }

  private final class Backward implements Parallel.Rows {
    float[] dz, dx, reluOutput;
    int[] argmax;

    void set(float[] dz, int[] argmax, float[] dx, float[] reluOutput) {
      this.dz = dz;
      this.argmax = argmax;
      this.dx = dx;
      this.reluOutput = reluOutput;
    }

    @Override
    public void rows(int from, int to) {
      Arrays.fill(dx, from * w.inSize(), to * w.inSize(), 0f);
      for (int r = from; r < to; r++) {
        int xRow = r * w.inSize();
        int zRow = r * w.outSize();
        for (int i = 0; i < w.outSize(); i++) {
          int at = argmax[zRow + i];
          if (at < 0) continue;
          int target = xRow + at;
          // Where the ReLU's output is not above 0 its gradient is 0, as the ReLU's own backward pass has it.
          dx[target] += reluOutput != null && reluOutput[target] <= 0f ? 0f : dz[zRow + i];
        }
      }
    }
  }
}
