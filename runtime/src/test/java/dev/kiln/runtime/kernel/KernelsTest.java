package dev.kiln.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.runtime.activation.Activation;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chosen kernels (scalar or Vector API, depending on the run) against a plain double-precision
 * reference, on sizes around every vector width so that loop bounds and tails are exercised.
 */
class KernelsTest {
  private static final Kernels KERNELS = KernelProvider.kernels();
  private static final int[] SIZES = {1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 127, 129};

  static Stream<Arguments> shapes() {
    return Stream.of(new int[][] {{1, 1, 1}, {3, 2, 10}, {7, 4, 3}, {5, 17, 9}, {2, 33, 65}, {4, 129, 31},
        {9, 64, 16}, {1, 100, 1}, {70, 130, 90}, {37, 257, 67}, {6, 33, 40}, {64, 784, 128}, {5, 785, 134},
        // Large enough for the GEMM's 8 x 3 blocks, with B packed in more than one panel, on each of two
        // threads; with 2, 1 and 1/8 vectors of columns left over, and rows left over.
        {150, 450, 300}, {200, 785, 333}, {160, 130, 100},
        // Packed products (PanamaPackedProduct): three blocks of the shared dimension, whole strips of
        // columns and panels of rows on both threads, and a strip of each thread cut by the edge.
        {144, 1100, 192}, {129, 200, 50}}).map(s -> Arguments.of(s[0], s[1], s[2]));
  }

  static Stream<Integer> sizes() {
    return java.util.Arrays.stream(SIZES).boxed();
  }

  /** The sizes above, and sizes large enough that an optimizer's update is split between threads. */
  static Stream<Integer> updateSizes() {
    return Stream.concat(sizes(), Stream.of(32_768, 40_003, 101_770));
  }

  @ParameterizedTest(name = "n = {0}")
  @MethodSource("sizes")
  void dotMatchesReference(int n) {
    Random random = new Random(n);
    float[] a = random(random, n + 3);
    float[] b = random(random, n + 5);
    double expected = 0;
    for (int i = 0; i < n; i++) expected += (double) a[3 + i] * b[5 + i];
    assertEquals(expected, KERNELS.vectors().dot(a, 3, b, 5, n), 1e-5 * (1 + n));
  }

  @ParameterizedTest(name = "n = {0}")
  @MethodSource("sizes")
  void axpyMatchesReferenceAndLeavesTheRestAlone(int n) {
    Random random = new Random(n);
    float[] x = random(random, n + 2);
    float[] y = random(random, n + 4);
    float[] before = y.clone();
    KERNELS.vectors().axpy(0.75f, x, 2, y, 1, n);
    assertEquals(before[0], y[0]);
    for (int i = 0; i < n; i++) assertEquals(before[1 + i] + 0.75 * x[2 + i], y[1 + i], 1e-5);
    for (int i = n + 1; i < y.length; i++) assertEquals(before[i], y[i]);
  }

  @ParameterizedTest(name = "rows {0}, in {1}, out {2}")
  @MethodSource("shapes")
  void linearForwardKeepsThePreActivationAndAppliesTheActivation(int rows, int in, int out) {
    Random random = new Random(rows * 31 + in);
    float[] x = random(random, rows * in);
    int wOff = 5;
    float[] p = random(random, wOff + out * in + out);
    int bOff = wOff + out * in;
    float[] z = new float[rows * out];
    float[] y = new float[rows * out];
    KERNELS.linear().linearForward(x, p, wOff, bOff, z, y, rows, in, out, Activation.RELU);
    for (int r = 0; r < rows; r++) {
      for (int o = 0; o < out; o++) {
        double expected = p[bOff + o];
        for (int i = 0; i < in; i++) expected += (double) x[r * in + i] * p[wOff + o * in + i];
        assertEquals(expected, z[r * out + o], 1e-5 * (1 + in), "z[" + r + "," + o + "]");
        assertEquals(Math.max(z[r * out + o], 0f), y[r * out + o], "y[" + r + "," + o + "]");
      }
    }
  }

  @ParameterizedTest(name = "rows {0}, in {1}, out {2}")
  @MethodSource("shapes")
  void linearForwardCanApplyTheActivationInPlace(int rows, int in, int out) {
    Random random = new Random(rows * 7 + out);
    float[] x = random(random, rows * in);
    float[] p = random(random, out * in + out);
    float[] separate = new float[rows * out];
    float[] y = new float[rows * out];
    KERNELS.linear().linearForward(x, p, 0, out * in, new float[rows * out], separate, rows, in, out, Activation.TANH);
    KERNELS.linear().linearForward(x, p, 0, out * in, y, y, rows, in, out, Activation.TANH);
    org.junit.jupiter.api.Assertions.assertArrayEquals(separate, y);
  }

  @ParameterizedTest(name = "rows {0}, in {1}, out {2}")
  @MethodSource("shapes")
  void linearForwardWithoutBias(int rows, int in, int out) {
    Random random = new Random(rows * 17 + out);
    float[] x = random(random, rows * in);
    float[] p = random(random, out * in);
    float[] y = new float[rows * out];
    KERNELS.linear().linearForward(x, p, 0, LinearKernels.NO_BIAS, y, y, rows, in, out, Activation.IDENTITY);
    for (int r = 0; r < rows; r++) {
      for (int o = 0; o < out; o++) {
        double z = 0;
        for (int i = 0; i < in; i++) z += (double) x[r * in + i] * p[o * in + i];
        assertEquals(z, y[r * out + o], 1e-5 * (1 + in));
      }
    }
  }

  @ParameterizedTest(name = "rows {0}, in {1}, out {2}")
  @MethodSource("shapes")
  void linearInputGradientIsDzTimesW(int rows, int in, int out) {
    Random random = new Random(rows * 13 + in * 7 + out);
    float[] dz = random(random, rows * out);
    float[] p = random(random, 3 + out * in);
    float[] dx = random(random, rows * in); // stale values must be overwritten
    KERNELS.linear().linearInputGradient(dz, p, 3, dx, rows, in, out);
    for (int r = 0; r < rows; r++) {
      for (int i = 0; i < in; i++) {
        double expected = 0;
        for (int o = 0; o < out; o++) expected += (double) dz[r * out + o] * p[3 + o * in + i];
        assertEquals(expected, dx[r * in + i], 1e-5 * (1 + out));
      }
    }
  }

  @ParameterizedTest(name = "rows {0}, in {1}, out {2}")
  @MethodSource("shapes")
  void linearParameterGradientOverwritesWeightAndBiasGradients(int rows, int in, int out) {
    Random random = new Random(rows * 11 + in * 3 + out);
    float[] dz = random(random, rows * out);
    float[] x = random(random, rows * in);
    int wOff = 2;
    int bOff = wOff + out * in;
    float[] g = random(random, bOff + out + 1);
    float last = g[g.length - 1];
    KERNELS.linear().linearParameterGradient(dz, x, g, wOff, bOff, rows, in, out);
    for (int o = 0; o < out; o++) {
      double bias = 0;
      for (int r = 0; r < rows; r++) bias += dz[r * out + o];
      assertEquals(bias, g[bOff + o], 1e-5 * (1 + rows));
      for (int i = 0; i < in; i++) {
        double expected = 0;
        for (int r = 0; r < rows; r++) expected += (double) dz[r * out + o] * x[r * in + i];
        assertEquals(expected, g[wOff + o * in + i], 1e-5 * (1 + rows));
      }
    }
    assertEquals(last, g[g.length - 1], "values past the layer's gradients stay as they were");
  }

  @ParameterizedTest(name = "n = {0}")
  @MethodSource("sizes")
  void theChosenKernelsAgreeWithTheScalarOnes(int n) {
    Random random = new Random(1000 + n);
    float[] a = random(random, n);
    float[] b = random(random, n);
    float dot = KERNELS.vectors().dot(a, 0, b, 0, n);
    float scalar = KernelProvider.scalar().vectors().dot(a, 0, b, 0, n);
    assertTrue(Math.abs(dot - scalar) <= 1e-5f * (1 + n), "dot " + dot + " vs scalar " + scalar);
  }

  @ParameterizedTest(name = "n = {0}")
  @MethodSource("sizes")
  void geluMatchesTheExactFunctionWithinFloatsAndLeavesTheRestAlone(int n) {
    Random random = new Random(n);
    float[] z = random(random, n + 2);
    for (int i = 0; i < z.length; i++) z[i] *= 3;
    float[] y = new float[n + 2];
    KERNELS.vectors().gelu(z, y, 1, n);
    assertEquals(0f, y[0]);
    assertEquals(0f, y[n + 1]);
    float[] dy = random(random, n + 2);
    float[] before = dy.clone();
    KERNELS.vectors().geluBackward(z, dy, 1, n);
    assertEquals(before[0], dy[0]);
    assertEquals(before[n + 1], dy[n + 1]);
    for (int i = 1; i <= n; i++) {
      double x = z[i];
      double cdf = 0.5 * erfc(-x / Math.sqrt(2));
      assertEquals(x * cdf, y[i], 1e-6 * (1 + Math.abs(x)), "gelu(" + x + ")");
      double derivative = cdf + x * Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
      assertEquals(before[i] * derivative, dy[i], 1e-6 * (1 + Math.abs(before[i] * x)), "gelu'(" + x + ")");
    }
  }

  /** erfc in double, Numerical Recipes' Chebyshev fit: relative error below 1.2e-7, tails included. */
  private static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1 / (1 + 0.5 * z);
    double ans = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
        + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223
        + t * 0.17087277)))))))));
    return x >= 0 ? ans : 2 - ans;
  }

  private static float[] random(Random random, int n) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) values[i] = (float) random.nextGaussian();
    return values;
  }

  @ParameterizedTest(name = "n = {0}")
  @MethodSource("sizes")
  void reluBackwardZeroesTheGradientWhereTheOutputIsNotPositive(int n) {
    Random random = new Random(n);
    float[] y = random(random, n);
    for (int i = 0; i < n; i += 3) y[i] = 0f;
    float[] dy = random(random, n);
    float[] expected = dy.clone();
    KernelProvider.scalar().vectors().reluBackward(y, expected, n);
    KERNELS.vectors().reluBackward(y, dy, n);
    org.junit.jupiter.api.Assertions.assertArrayEquals(expected, dy);
    for (int i = 0; i < n; i++) if (y[i] <= 0f) assertEquals(0f, dy[i]);
  }

  @ParameterizedTest(name = "n = {0}")
  @MethodSource("updateSizes")
  void adamStepMatchesTheScalarOneExactly(int n) {
    for (boolean amsgrad : new boolean[] {false, true}) {
      Random random = new Random(n);
      float[] params = random(random, n);
      float[] grads = random(random, n);
      float[] moments = new float[3 * n];
      for (int i = 0; i < moments.length; i++) moments[i] = Math.abs((float) random.nextGaussian());
      float[] p2 = params.clone();
      float[] m2 = moments.clone();
      KernelProvider.scalar().optimizers().adamStep(p2, grads, m2, n, 0.9f, 0.999f, 0.01f, 0.3f, 1e-8f, 0.01f, 0.999f, amsgrad);
      KERNELS.optimizers().adamStep(params, grads, moments, n, 0.9f, 0.999f, 0.01f, 0.3f, 1e-8f, 0.01f, 0.999f, amsgrad);
      org.junit.jupiter.api.Assertions.assertArrayEquals(p2, params, "params, amsgrad " + amsgrad);
      org.junit.jupiter.api.Assertions.assertArrayEquals(m2, moments, "moments, amsgrad " + amsgrad);
    }
  }

  @ParameterizedTest(name = "n = {0}")
  @MethodSource("updateSizes")
  void sgdMomentumStepMatchesTheScalarOneExactly(int n) {
    for (boolean nesterov : new boolean[] {false, true}) {
      Random random = new Random(n);
      float[] params = random(random, n);
      float[] grads = random(random, n);
      float[] buf = random(random, n);
      float[] p2 = params.clone();
      float[] b2 = buf.clone();
      KernelProvider.scalar().optimizers().sgdMomentumStep(p2, grads, b2, n, 0.1f, 0.01f, 0.9f, 0.8f, 0.9f, nesterov);
      KERNELS.optimizers().sgdMomentumStep(params, grads, buf, n, 0.1f, 0.01f, 0.9f, 0.8f, 0.9f, nesterov);
      org.junit.jupiter.api.Assertions.assertArrayEquals(p2, params, 1e-6f, "params, nesterov " + nesterov);
      org.junit.jupiter.api.Assertions.assertArrayEquals(b2, buf, 1e-6f, "buffer, nesterov " + nesterov);
    }
  }

  static Stream<Arguments> narrowShapes() {
    return Stream.of(new int[][] {{200, 2, 10}, {200, 10, 2}, {64, 20, 16}, {64, 16, 1}, {7, 4, 3}, {33, 5, 9}, {1, 3, 2}})
        .map(s -> Arguments.of(s[0], s[1], s[2]));
  }

  @ParameterizedTest(name = "rows {0}, in {1}, out {2}")
  @MethodSource("narrowShapes")
  void featureMajorProductsAreTheTransposesOfTheRowMajorOnes(int rows, int in, int out) {
    Random random = new Random(rows + 13L * in + 7L * out);
    float[] x = random(random, rows * in);
    float[] p = random(random, out * in + out);
    int bOff = out * in;
    float[] dz = random(random, rows * out);
    Kernels scalar = KernelProvider.scalar();

    float[] y = new float[rows * out];
    scalar.linear().linearForward(x, p, 0, bOff, y, y, rows, in, out, Activation.RELU);
    float[] xT = new float[rows * in];
    KERNELS.linear().transpose(x, rows, in, xT);
    float[] yT = new float[rows * out];
    KERNELS.linear().linearForwardT(xT, p, 0, bOff, yT, yT, rows, in, out, Activation.RELU);
    assertClose(transposed(y, rows, out), yT, in);

    float[] dx = new float[rows * in];
    scalar.linear().linearInputGradient(dz, p, 0, dx, rows, in, out);
    float[] dzT = transposed(dz, rows, out);
    float[] dxT = new float[rows * in];
    KERNELS.linear().linearInputGradientT(dzT, p, 0, dxT, rows, in, out);
    assertClose(transposed(dx, rows, in), dxT, out);

    float[] g = new float[out * in + out];
    scalar.linear().linearParameterGradient(dz, x, g, 0, bOff, rows, in, out);
    float[] gT = new float[out * in + out];
    KERNELS.linear().linearParameterGradientT(dzT, xT, gT, 0, bOff, rows, in, out);
    assertClose(g, gT, rows);
  }

  private static float[] transposed(float[] m, int rows, int cols) {
    float[] t = new float[m.length];
    KernelProvider.scalar().linear().transpose(m, rows, cols, t);
    return t;
  }

  @ParameterizedTest(name = "rows {0}, classes {1}")
  @MethodSource("lossShapes")
  void featureMajorCrossEntropyMatchesTheReferenceWithIgnoredRows(int rows, int classes) {
    Random random = new Random(rows * 7 + classes);
    float[] zT = random(random, rows * classes);
    for (int i = 0; i < zT.length; i++) zT[i] *= 4;
    int[] targets = new int[rows];
    for (int r = 0; r < rows; r++) targets[r] = r % 5 == 3 ? -100 : random.nextInt(classes);
    for (boolean mean : new boolean[] {true, false}) {
      float[] expected = new float[rows * classes];
      float[] actual = new float[rows * classes];
      float expectedLoss = KernelProvider.scalar().losses().crossEntropyT(zT, targets, expected, rows, classes, -100, mean);
      float loss = KERNELS.losses().crossEntropyT(zT, targets, actual, rows, classes, -100, mean);
      assertEquals(expectedLoss, loss, 1e-5 * Math.abs(expectedLoss), "loss, mean " + mean);
      assertClose(expected, actual, classes);
    }
  }

  @ParameterizedTest(name = "rows {0}, classes {1}")
  @MethodSource("lossShapes")
  void rowMajorCrossEntropyIsTheFeatureMajorOneTransposed(int rows, int classes) {
    Random random = new Random(rows * 5 + classes);
    float[] z = random(random, rows * classes);
    int[] targets = new int[rows];
    for (int r = 0; r < rows; r++) targets[r] = r % 7 == 2 ? -100 : random.nextInt(classes);
    for (boolean mean : new boolean[] {true, false}) {
      float[] expectedT = new float[rows * classes];
      float expectedLoss = KernelProvider.scalar().losses().crossEntropyT(transposed(z, rows, classes), targets, expectedT, rows,
          classes, -100, mean);
      float[] actual = new float[rows * classes];
      float loss = KERNELS.losses().crossEntropy(z, targets, actual, rows, classes, -100, mean);
      assertEquals(expectedLoss, loss, 1e-5 * Math.abs(expectedLoss), "loss, mean " + mean);
      assertClose(transposed(expectedT, classes, rows), actual, classes);
    }
  }

  @ParameterizedTest(name = "rows {0}, classes {1}")
  @MethodSource("lossShapes")
  void featureMajorCrossEntropyOfOnlyIgnoredRowsIsNaNWithZeroGradients(int rows, int classes) {
    float[] gT = new float[rows * classes];
    java.util.Arrays.fill(gT, 1f);
    int[] targets = new int[rows];
    java.util.Arrays.fill(targets, -100);
    assertTrue(Float.isNaN(KERNELS.losses().crossEntropyT(new float[rows * classes], targets, gT, rows, classes, -100, true)));
    for (float g : gT) assertEquals(0f, g);
  }

  @ParameterizedTest(name = "n = {0}")
  @MethodSource("sizes")
  void bceWithLogitsMatchesTheReferenceOnLargeLogitsOfBothSigns(int n) {
    Random random = new Random(n);
    float[] x = random(random, n);
    for (int i = 0; i < n; i++) x[i] *= i % 3 == 0 ? 40 : 3;
    float[] y = new float[n];
    for (int i = 0; i < n; i++) y[i] = random.nextInt(2);
    float[] expected = new float[n];
    float[] actual = new float[n];
    float expectedLoss = KernelProvider.scalar().losses().bceWithLogits(x, y, expected, n, 1f / n);
    float loss = KERNELS.losses().bceWithLogits(x, y, actual, n, 1f / n);
    assertEquals(expectedLoss, loss, 1e-5 * Math.abs(expectedLoss) + 1e-6);
    assertClose(expected, actual, 1);
  }

  @ParameterizedTest(name = "rows {0}, in {1}, out {2}")
  @MethodSource("firstLayerShapes")
  void featureMajorWeightGradientFromRowsEqualsTheOneFromFeatures(int rows, int in, int out) {
    Random random = new Random(rows * 13 + in * 5 + out);
    float[] x = random(random, rows * in);
    float[] dzT = random(random, out * rows);
    float[] expected = new float[3 + out * in + out];
    float[] actual = expected.clone();
    KernelProvider.scalar().linear().linearParameterGradientT(dzT, transposed(x, rows, in), expected, 3, 3 + out * in, rows, in,
        out);
    KERNELS.linear().linearParameterGradientT(dzT, transposed(x, rows, in), x, actual, 3, 3 + out * in, rows, in, out);
    assertClose(expected, actual, rows);
  }

  static Stream<Arguments> firstLayerShapes() {
    return Stream.of(new int[][] {{64, 20, 16}, {200, 2, 10}, {7, 16, 3}, {33, 17, 5}, {64, 31, 9}, {5, 32, 4}, {9, 33, 2},
        {1, 24, 1}}).map(s -> Arguments.of(s[0], s[1], s[2]));
  }

  @org.junit.jupiter.api.Test
  void updatesAfterLargeWeightGradientsChangeEveryParameterOnceAsTheScalarOnesDo() {
    // Two layers large enough that their weight gradients are split between threads (when there are
    // two), then biases: the update follows that split and must still cover every parameter once.
    int rows = 64;
    int[][] layers = {{784, 128}, {128, 512}};
    int n = 784 * 128 + 128 + 128 * 512 + 512 + 10;
    Random random = new Random(11);
    float[] grads = new float[n];
    int off = 0;
    for (int[] layer : layers) {
      int in = layer[0];
      int out = layer[1];
      KERNELS.linear().linearParameterGradient(random(random, rows * out), random(random, rows * in), grads, off, off + in * out,
          rows, in, out);
      off += in * out + out;
    }
    float[] params = random(random, n);
    float[] moments = new float[2 * n];
    float[] expectedParams = params.clone();
    float[] expectedMoments = moments.clone();
    KernelProvider.scalar().optimizers().adamStep(expectedParams, grads, expectedMoments, n, 0.9f, 0.999f, 0.01f, 0.3f, 1e-8f, 0f, 1f,
        false);
    KERNELS.optimizers().adamStep(params, grads, moments, n, 0.9f, 0.999f, 0.01f, 0.3f, 1e-8f, 0f, 1f, false);
    org.junit.jupiter.api.Assertions.assertArrayEquals(expectedParams, params);
    org.junit.jupiter.api.Assertions.assertArrayEquals(expectedMoments, moments);
    float[] buf = new float[n];
    float[] expectedBuf = new float[n];
    KernelProvider.scalar().optimizers().sgdMomentumStep(expectedParams, grads, expectedBuf, n, 0.1f, 0f, 0.9f, 1f, 0.9f, false);
    KERNELS.optimizers().sgdMomentumStep(params, grads, buf, n, 0.1f, 0f, 0.9f, 1f, 0.9f, false);
    org.junit.jupiter.api.Assertions.assertArrayEquals(expectedParams, params, 1e-6f);
    org.junit.jupiter.api.Assertions.assertArrayEquals(expectedBuf, buf, 1e-6f);
  }

  @ParameterizedTest(name = "rows {0}, in {1}, out {2}")
  @MethodSource("shapes")
  void inputGradientWithReluZeroesWhereTheReluOutputIsNotPositive(int rows, int in, int out) {
    Random random = new Random(rows * 17 + in * 3 + out);
    float[] dz = random(random, rows * out);
    float[] p = random(random, 2 + out * in);
    float[] reluOutput = random(random, rows * in);
    for (int i = 0; i < reluOutput.length; i += 3) reluOutput[i] = 0f;
    float[] expected = new float[rows * in];
    float[] actual = new float[rows * in];
    KernelProvider.scalar().linear().linearInputGradientRelu(dz, p, 2, expected, reluOutput, rows, in, out);
    KERNELS.linear().linearInputGradientRelu(dz, p, 2, actual, reluOutput, rows, in, out);
    assertClose(expected, actual, out);
    for (int i = 0; i < actual.length; i++) if (reluOutput[i] <= 0f) assertEquals(0f, actual[i], "[" + i + "]");
  }

  static Stream<Arguments> lossShapes() {
    return Stream.of(new int[][] {{1, 2}, {7, 3}, {16, 2}, {17, 10}, {64, 1}, {200, 2}, {203, 33}})
        .map(s -> Arguments.of(s[0], s[1]));
  }

  private static void assertClose(float[] expected, float[] actual, int terms) {
    for (int i = 0; i < expected.length; i++) assertEquals(expected[i], actual[i], 1e-5 * (1 + terms), "[" + i + "]");
  }
}
