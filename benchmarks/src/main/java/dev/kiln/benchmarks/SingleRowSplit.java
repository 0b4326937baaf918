package dev.kiln.benchmarks;

import dev.kiln.runtime.kernel.KernelProvider;
import dev.kiln.runtime.kernel.Epilogue;
import dev.kiln.runtime.kernel.LinearKernels;
import dev.kiln.runtime.kernel.Parallel;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;

/**
 * Whether a one-row product repays handing half of it to the second core: the product of one row with
 * an [out x in] weight on the calling thread alone, against its outputs split between the caller and
 * Kiln's kernel worker, called back to back (the worker still spinning from the last call) and with
 * 200 µs between calls (the worker parked, as in a service between requests). Prints p50 and p99 in µs.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp ... dev.kiln.benchmarks.SingleRowSplit}
 */
public final class SingleRowSplit {
  private static final int[][] SHAPES = {{784, 128}, {784, 512}, {512, 512}, {400, 120}};
  private static final int CALLS = 20_000;
  /** Nothing applied: one row's product alone (one row never reaches the kernels' own split). */
  private static final Epilogue NONE = new Epilogue() {
    @Override
    public Fused fused() {
      return Fused.IDENTITY;
    }

    @Override
    public void forwardRow(float[] z, float[] y, int off, int n) {}
  };

  private SingleRowSplit() {}

  public static void main(String[] args) {
    LinearKernels kernels = KernelProvider.linear();
    System.out.println("| product (in x out) | one thread | split, back to back | split, 200 µs apart |");
    System.out.println("| --- | ---: | ---: | ---: |");
    for (int[] shape : SHAPES) {
      int in = shape[0];
      int out = shape[1];
      Random random = new Random(1);
      float[] x = new float[in];
      float[] w = new float[in * out];
      for (int i = 0; i < x.length; i++) x[i] = (float) random.nextGaussian();
      for (int i = 0; i < w.length; i++) w[i] = (float) random.nextGaussian();
      int split = out / 2 - out / 2 % 4;
      float[] wLow = Arrays.copyOfRange(w, 0, split * in);
      float[] wHigh = Arrays.copyOfRange(w, split * in, out * in);
      float[] yLow = new float[split];
      float[] yHigh = new float[out - split];
      float[] y = new float[out];
      Parallel.Rows halves = (from, to) -> {
        if (from == 0) kernels.linearForward(x, wLow, 0, LinearKernels.NO_BIAS, yLow, yLow, 1, in, split, NONE);
        else kernels.linearForward(x, wHigh, 0, LinearKernels.NO_BIAS, yHigh, yHigh, 1, in, out - split, NONE);
      };
      Runnable alone = () -> kernels.linearForward(x, w, 0, LinearKernels.NO_BIAS, y, y, 1, in, out, NONE);
      Runnable together = () -> Parallel.run(halves, out, split, 2);
      String one = percentiles(alone, 0);
      String backToBack = percentiles(together, 0);
      String apart = percentiles(together, 200_000);
      System.out.printf(Locale.ROOT, "| %d x %d | %s | %s | %s |%n", in, out, one, backToBack, apart);
    }
  }

  private static String percentiles(Runnable call, long gapNanos) {
    for (int i = 0; i < CALLS; i++) call.run(); // warm-up
    long[] times = new long[CALLS / (gapNanos > 0 ? 10 : 1)];
    for (int i = 0; i < times.length; i++) {
      if (gapNanos > 0) LockSupport.parkNanos(gapNanos);
      long start = System.nanoTime();
      call.run();
      times[i] = System.nanoTime() - start;
    }
    Arrays.sort(times);
    return String.format(Locale.ROOT, "%.1f / %.1f", times[times.length / 2] / 1e3, times[(int) (times.length * 0.99)] / 1e3);
  }
}
