package dev.kiln.benchmarks;

import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The machine's peak: fused multiply-adds of the preferred float vectors, on 1 thread and on 2, with
 * twelve independent accumulators per thread (enough to hide an FMA's latency on two ports), nothing
 * loaded or stored. No kernel can beat it; a benchmark figure above it is a bug in the benchmark. Prints
 * one JSON line: {@code {"peak_gflops_1": ..., "peak_gflops_2": ..., "lanes": ..., "jdk": ...}}.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp ... dev.kiln.benchmarks.PeakFlops [--seconds S]}
 */
public final class PeakFlops {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int ACCUMULATORS = 12;
  private static final int ITERATIONS = 1 << 16;

  private PeakFlops() {}

  public static void main(String[] args) throws InterruptedException {
    double seconds = args.length == 2 && args[0].equals("--seconds") ? Double.parseDouble(args[1]) : 3;
    measure(1, Math.min(seconds, 1)); // warm-up: C2 compiles the loop
    System.out.println(String.format(Locale.ROOT,
        "{\"peak_gflops_1\": %.1f, \"peak_gflops_2\": %.1f, \"lanes\": %d, \"jdk\": \"%s\"}",
        measure(1, seconds), measure(2, seconds), S.length(), Runtime.version().feature()));
  }

  /**
   * GFLOP/s of {@code threads} threads running {@link #fmas} for about {@code seconds}, the best of six: a
   * shared machine's neighbours can only lower a round, and a peak measured low would make the scripts
   * refuse honest figures.
   */
  static double measure(int threads, double seconds) throws InterruptedException {
    double best = 0;
    for (int round = 0; round < 6; round++) {
      long[] flops = new long[threads];
      CountDownLatch start = new CountDownLatch(1);
      Thread[] workers = new Thread[threads];
      long deadline = System.nanoTime() + (long) (seconds / 6 * 1e9);
      for (int t = 0; t < threads; t++) {
        int id = t;
        workers[t] = new Thread(() -> {
          try {
            start.await();
          } catch (InterruptedException e) {
            return;
          }
          float sink = 0;
          while (System.nanoTime() < deadline) {
            sink += fmas(ITERATIONS, 1f + id);
            flops[id] += 2L * ACCUMULATORS * S.length() * ITERATIONS;
          }
          if (sink == 42f) System.out.print(""); // keeps the sums alive
        });
        workers[t].start();
      }
      long begin = System.nanoTime();
      start.countDown();
      for (Thread w : workers) w.join();
      double elapsed = (System.nanoTime() - begin) / 1e9;
      long total = 0;
      for (long f : flops) total += f;
      best = Math.max(best, total / elapsed / 1e9);
    }
    return best;
  }

  /** {@code iterations} rounds of twelve independent FMAs; returns a lane of their sum. */
  static float fmas(int iterations, float seed) {
    FloatVector m = FloatVector.broadcast(S, 0.999999f);
    FloatVector c = FloatVector.broadcast(S, 1e-7f);
    FloatVector a0 = FloatVector.broadcast(S, seed), a1 = a0.add(1f), a2 = a0.add(2f), a3 = a0.add(3f);
    FloatVector a4 = a0.add(4f), a5 = a0.add(5f), a6 = a0.add(6f), a7 = a0.add(7f);
    FloatVector a8 = a0.add(8f), a9 = a0.add(9f), a10 = a0.add(10f), a11 = a0.add(11f);
    for (int i = 0; i < iterations; i++) {
      a0 = a0.fma(m, c);
      a1 = a1.fma(m, c);
      a2 = a2.fma(m, c);
      a3 = a3.fma(m, c);
      a4 = a4.fma(m, c);
      a5 = a5.fma(m, c);
      a6 = a6.fma(m, c);
      a7 = a7.fma(m, c);
      a8 = a8.fma(m, c);
      a9 = a9.fma(m, c);
      a10 = a10.fma(m, c);
      a11 = a11.fma(m, c);
    }
    return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11).lane(0);
  }
}
