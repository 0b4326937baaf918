package dev.kiln.benchmarks;

import dev.kiln.runtime.Activation;
import dev.kiln.runtime.kernel.KernelProvider;
import dev.kiln.runtime.kernel.Kernels;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The three products of a Linear layer on square n x n operands (rows = in = out = n): forward with
 * bias and ReLU fused, input gradient, weight and bias gradients. Each is 2n³ floating-point operations.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class KernelBenchmark {
  @Param({"64", "128", "512"})
  public int n;

  private final Kernels kernels = KernelProvider.kernels();
  private float[] x;
  private float[] params;
  private float[] y;
  private float[] dy;
  private float[] dx;
  private float[] grads;

  @Setup
  public void prepare() {
    Random random = new Random(0);
    x = gaussian(random, n * n);
    params = gaussian(random, n * n + n);
    y = new float[n * n];
    dy = gaussian(random, n * n);
    dx = new float[n * n];
    grads = new float[n * n + n];
  }

  @Benchmark
  public float[] forwardWithBiasAndRelu() {
    kernels.linearForward(x, params, 0, n * n, y, y, n, n, n, Activation.RELU);
    return y;
  }

  @Benchmark
  public float[] inputGradient() {
    kernels.linearInputGradient(dy, params, 0, dx, n, n, n);
    return dx;
  }

  @Benchmark
  public float[] parameterGradient() {
    kernels.linearParameterGradient(dy, x, grads, 0, n * n, n, n, n);
    return grads;
  }

  private static float[] gaussian(Random random, int size) {
    float[] values = new float[size];
    for (int i = 0; i < size; i++) values[i] = (float) random.nextGaussian();
    return values;
  }
}
