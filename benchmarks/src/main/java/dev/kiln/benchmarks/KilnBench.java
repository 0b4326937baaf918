package dev.kiln.benchmarks;

import dev.kiln.runtime.kernel.KernelProvider;
import dev.kiln.runtime.kernel.Kernels;
import dev.kiln.runtime.kernel.LinearKernels;
import java.util.Locale;
import java.util.Random;

/**
 * Kiln's side of the comparison with {@code shared/bench/torch_bench.py}: one JSON line per workload,
 * same names and fields ({@code steps_per_s}, {@code samples_per_s}, {@code us_per_step},
 * {@code gflops}), measured the same way: 50 warm-up steps (plus JIT warm-up time), then batches of 20
 * steps for {@code --seconds}. Then GEMM GFLOP/s at 128, 512 and 1024.
 *
 * <p>Usage: {@code KilnBench [--seconds S] [--only NAME] [--no-gemm]}
 */
public final class KilnBench {
  private KilnBench() {}

  public static void main(String[] args) {
    double seconds = 3;
    String only = "";
    boolean gemm = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seconds" -> seconds = Double.parseDouble(args[++i]);
        case "--only" -> only = args[++i];
        case "--no-gemm" -> gemm = false;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; expected --seconds S, --only NAME or --no-gemm");
      }
    }
    int threads = KernelProvider.threads();
    for (Workload workload : Workload.ALL) {
      if (!workload.name().contains(only)) continue;
      Workload.Prepared step = workload.prepare();
      for (long end = System.nanoTime() + (long) (Math.min(seconds, 2) * 1e9); System.nanoTime() < end; ) {
        for (int i = 0; i < 50; i++) step.step();
      }
      long n = 0;
      long start = System.nanoTime();
      long stop = start + (long) (seconds * 1e9);
      while (System.nanoTime() < stop) {
        for (int i = 0; i < 20; i++) step.step();
        n += 20;
      }
      double dt = (System.nanoTime() - start) / 1e9;
      System.out.println(String.format(Locale.ROOT,
          "{\"workload\": \"%s\", \"threads\": %d, \"steps_per_s\": %.1f, \"samples_per_s\": %d, "
              + "\"us_per_step\": %.2f, \"gflops\": %.2f, \"kernels\": \"%s\", \"jdk\": \"%s\"}",
          workload.name(), threads, n / dt, Math.round(n * workload.batch() / dt), dt / n * 1e6,
          workload.flopsPerStep() * n / dt / 1e9, KernelProvider.kernels().name(), Runtime.version().feature()));
    }
    if (gemm && only.isEmpty() || only.startsWith("gemm")) {
      for (int size : new int[] {128, 512, 1024}) {
        System.out.println(String.format(Locale.ROOT, "{\"workload\": \"gemm-%d\", \"threads\": %d, \"gflops\": %.2f,"
            + " \"kernels\": \"%s\", \"jdk\": \"%s\"}", size, threads, gemm(size, seconds),
            KernelProvider.kernels().name(), Runtime.version().feature()));
      }
    }
  }

  /** GFLOP/s of C = A · Bᵀ for square matrices, through the kernel a Linear layer's forward pass uses. */
  static double gemm(int n, double seconds) {
    Kernels kernels = KernelProvider.kernels();
    Random random = new Random(1);
    float[] a = new float[n * n];
    float[] b = new float[n * n];
    float[] c = new float[n * n];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) random.nextGaussian();
      b[i] = (float) random.nextGaussian();
    }
    Runnable multiply = () -> kernels.linear().linearForward(a, b, 0, LinearKernels.NO_BIAS, c, c, n, n, n,
        dev.kiln.runtime.activation.Activation.IDENTITY);
    for (long end = System.nanoTime() + (long) (Math.min(seconds, 2) * 1e9); System.nanoTime() < end; ) {
      multiply.run();
    }
    long count = 0;
    long start = System.nanoTime();
    while (System.nanoTime() - start < seconds * 1e9) {
      multiply.run();
      count++;
    }
    return 2.0 * n * n * n * count / ((System.nanoTime() - start) / 1e9) / 1e9;
  }
}
