package dev.kiln.benchmarks;

import dev.kiln.runtime.activation.Activation;
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
 * The three products of a Linear layer, {@code rows x in x out}: forward with bias and ReLU fused, input
 * gradient, weight and bias gradients, each 2 · rows · in · out floating-point operations. Square shapes,
 * and the layers of the benchmarked networks: MNIST's first layer at batch 64, the MLP's two wide layers
 * at batch 256. {@code -jvmArgsAppend -Dkiln.gemm.noPack=true} measures the GEMM without packing B,
 * {@code -Dkiln.tiles=narrow} with the 6 x 2 block of AVX2 machines.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class KernelBenchmark {
  @Param({"64x64x64", "128x128x128", "512x512x512", "64x784x128", "256x784x512", "256x512x512"})
  public String shape;

  private int rows;
  private int in;
  private int out;

  private final Kernels kernels = KernelProvider.kernels();
  private float[] x;
  private float[] params;
  private float[] y;
  private float[] dy;
  private float[] dx;
  private float[] grads;

  @Setup
  public void prepare() {
    String[] sizes = shape.split("x");
    rows = Integer.parseInt(sizes[0]);
    in = Integer.parseInt(sizes[1]);
    out = Integer.parseInt(sizes[2]);
    Random random = new Random(0);
    x = gaussian(random, rows * in);
    params = gaussian(random, out * in + out);
    y = new float[rows * out];
    dy = gaussian(random, rows * out);
    dx = new float[rows * in];
    grads = new float[out * in + out];
  }

  @Benchmark
  public float[] forwardWithBiasAndRelu() {
    kernels.linear().linearForward(x, params, 0, out * in, y, y, rows, in, out, Activation.RELU);
    return y;
  }

  @Benchmark
  public float[] inputGradient() {
    kernels.linear().linearInputGradient(dy, params, 0, dx, rows, in, out);
    return dx;
  }

  @Benchmark
  public float[] parameterGradient() {
    kernels.linear().linearParameterGradient(dy, x, grads, 0, out * in, rows, in, out);
    return grads;
  }

  private static float[] gaussian(Random random, int size) {
    float[] values = new float[size];
    for (int i = 0; i < size; i++) values[i] = (float) random.nextGaussian();
    return values;
  }
}
