package dev.kiln.runtime.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.kiln.runtime.activation.Activation;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Max pooling a batch large enough to be split between the threads gives, example by example, what
 * pooling each example alone gives: maxima, where they are, and gradients, with and without the ReLU
 * below; on inputs with ties (a ReLU's zeros) and windows that run into the padding.
 */
class MaxPoolBatchTest {
  static Stream<Arguments> pools() {
    return Stream.of(
        // channels, height, width, kernel, stride, padding, dilation, ceilMode
        Arguments.of(new MaxPool2d(6, 28, 28, 2, 2, 0, 1, false)),
        Arguments.of(new MaxPool2d(5, 15, 13, 2, 2, 1, 1, true)),
        Arguments.of(new MaxPool2d(3, 17, 16, 3, 2, 1, 2, false)),
        Arguments.of(new MaxPool2d(4, 11, 12, 2, 1, 1, 1, true)));
  }

  @ParameterizedTest
  @MethodSource("pools")
  void aSplitBatchPoolsEachExampleAsAlone(MaxPool2d pool) {
    int rows = 48;
    SplittableRandom random = new SplittableRandom(pool.inSize());
    float[] x = reluOutputs(random, rows * pool.inSize());
    float[] dy = gaussian(random, rows * pool.outSize());

    float[] y = new float[dy.length];
    int[] argmax = new int[dy.length];
    float[] dx = new float[x.length];
    float[] dxRelu = new float[x.length];
    pool.forward(x, y, y, argmax, rows, Activation.IDENTITY);
    pool.inputGradient(dy, argmax, dx, rows);
    pool.inputGradientRelu(dy, argmax, dxRelu, x, rows);

    float[] y1 = new float[dy.length];
    int[] argmax1 = new int[dy.length];
    float[] dx1 = new float[x.length];
    float[] dxRelu1 = new float[x.length];
    for (int r = 0; r < rows; r++) {
      float[] xr = java.util.Arrays.copyOfRange(x, r * pool.inSize(), (r + 1) * pool.inSize());
      float[] dyr = java.util.Arrays.copyOfRange(dy, r * pool.outSize(), (r + 1) * pool.outSize());
      float[] yr = new float[pool.outSize()];
      int[] ar = new int[pool.outSize()];
      float[] dxr = new float[pool.inSize()];
      float[] dxReluR = new float[pool.inSize()];
      pool.forward(xr, yr, yr, ar, 1, Activation.IDENTITY);
      pool.inputGradient(dyr, ar, dxr, 1);
      pool.inputGradientRelu(dyr, ar, dxReluR, xr, 1);
      System.arraycopy(yr, 0, y1, r * pool.outSize(), yr.length);
      System.arraycopy(ar, 0, argmax1, r * pool.outSize(), ar.length);
      System.arraycopy(dxr, 0, dx1, r * pool.inSize(), dxr.length);
      System.arraycopy(dxReluR, 0, dxRelu1, r * pool.inSize(), dxReluR.length);
    }
    assertArrayEquals(y1, y);
    assertArrayEquals(argmax1, argmax);
    assertArrayEquals(dx1, dx);
    assertArrayEquals(dxRelu1, dxRelu);
  }

  /**
   * The gradient is each window's output gradient at its maximum, summed where windows overlap, and
   * written everywhere; with the ReLU below, that gradient where the ReLU's output is above 0, 0 elsewhere.
   */
  @ParameterizedTest
  @MethodSource("pools")
  void theGradientGoesToEachWindowsMaximumAndTheReluMasksIt(MaxPool2d pool) {
    int rows = 3;
    SplittableRandom random = new SplittableRandom(pool.outSize());
    float[] x = reluOutputs(random, rows * pool.inSize());
    float[] dy = gaussian(random, rows * pool.outSize());
    float[] y = new float[dy.length];
    int[] argmax = new int[dy.length];
    pool.forward(x, y, y, argmax, rows, Activation.IDENTITY);

    float[] expected = new float[x.length];
    for (int r = 0; r < rows; r++) {
      for (int o = 0; o < pool.outSize(); o++) {
        int at = argmax[r * pool.outSize() + o];
        if (at >= 0) expected[r * pool.inSize() + at] += dy[r * pool.outSize() + o];
      }
    }
    float[] dx = new float[x.length];
    java.util.Arrays.fill(dx, Float.NaN); // every value must be written
    pool.inputGradient(dy, argmax, dx, rows);
    assertArrayEquals(expected, dx);

    for (int i = 0; i < expected.length; i++) if (!(x[i] > 0f)) expected[i] = 0f;
    float[] dxRelu = new float[x.length];
    java.util.Arrays.fill(dxRelu, Float.NaN);
    pool.inputGradientRelu(dy, argmax, dxRelu, x, rows);
    assertArrayEquals(expected, dxRelu);
  }

  /** A ReLU's outputs, as a pool above one reads them: ties at 0 in about half the values. */
  private static float[] reluOutputs(SplittableRandom random, int n) {
    float[] x = gaussian(random, n);
    for (int i = 0; i < n; i++) x[i] = Math.max(0f, x[i]);
    return x;
  }

  private static float[] gaussian(SplittableRandom random, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) x[i] = (float) random.nextGaussian();
    return x;
  }
}
