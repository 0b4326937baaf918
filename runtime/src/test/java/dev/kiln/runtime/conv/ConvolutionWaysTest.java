package dev.kiln.runtime.conv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.runtime.kernel.KernelProvider;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way of computing a convolution equals the direct one on shapes the PyTorch cases do not reach:
 * batches large enough to be split between two threads, slices that do not divide the batch, odd sizes.
 * The way chosen for the Vector API where it is present (with the scalar kernels it is the direct one),
 * including a stride-1 convolution padded beyond its kernel's reach, which the direct way computes.
 */
class ConvolutionWaysTest {
  private static final float TOLERANCE = 1e-5f;

  static Stream<Arguments> shapes() {
    return Stream.of(
        // in, height, width, out, kernel, stride, padding, dilation, rows
        Arguments.of(new ConvGeometry(1, 28, 28, 6, 5, 1, 2, 1), 37),
        Arguments.of(new ConvGeometry(6, 14, 14, 16, 5, 1, 0, 1), 33),
        Arguments.of(new ConvGeometry(16, 14, 13, 10, 3, 2, 1, 1), 29),
        Arguments.of(new ConvGeometry(3, 17, 19, 7, 3, 1, 2, 2), 21),
        Arguments.of(new ConvGeometry(5, 11, 9, 17, 1, 1, 0, 1), 40),
        Arguments.of(new ConvGeometry(2, 9, 10, 3, 4, 3, 1, 1), 50),
        Arguments.of(new ConvGeometry(4, 3, 5, 5, 2, 1, 1, 1), 35),
        Arguments.of(new ConvGeometry(3, 6, 6, 4, 3, 1, 4, 2), 9),
        Arguments.of(new ConvGeometry(3, 32, 32, 32, 3, 1, 1, 1), 9),
        Arguments.of(new ConvGeometry(3, 13, 11, 5, 3, 2, 2, 2), 11),
        Arguments.of(new ConvGeometry(2, 12, 12, 4, 1, 2, 0, 1), 13),
        Arguments.of(new ConvGeometry(3, 10, 9, 4, 5, 3, 2, 1), 17),
        Arguments.of(new ConvGeometry(2, 7, 8, 3, 3, 4, 1, 1), 7),
        // Padded beyond the kernel's reach: 1 x 1 with padding 1, and 3 x 3 with padding 3.
        Arguments.of(new ConvGeometry(3, 7, 6, 4, 1, 1, 1, 1), 9),
        Arguments.of(new ConvGeometry(2, 6, 5, 3, 3, 1, 3, 1), 5));
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void theWayChosenEqualsDirectConvolutionOnTwoThreadsAndUnevenSlices(ConvGeometry g, int rows) {
    for (int sliceFloats : new int[] {1, 5 * (g.in() + g.out()) * (g.height() + 2 * g.padding())
        * (g.width() + 2 * g.padding()), 1 << 17}) {
      assertAllPassesEqual(g, rows, Conv2d.choose(g, KernelProvider.vectorized(), 2, sliceFloats));
    }
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void theVectorApiReadsConvolutionsStraightFromThePaddedInputAndTheRestRunDirect(ConvGeometry g, int rows) {
    Convolution chosen = Conv2d.choose(g, KernelProvider.vectorized(), 2, 1 << 17);
    boolean shifted = KernelProvider.vectorized() && (g.stride() > 1 || g.padding() <= g.dilation() * (g.kernel() - 1));
    assertEquals(shifted ? "ShiftedConvolution" : "DirectConvolution", chosen.getClass().getSimpleName());
  }

  private static void assertAllPassesEqual(ConvGeometry g, int rows, Convolution chosen) {
    Convolution direct = new DirectConvolution(g);
    SplittableRandom random = new SplittableRandom(g.hashCode());
    int wOff = 3;
    int bOff = wOff + g.weightSize();
    float[] p = values(random, bOff + g.out());
    float[] x = values(random, rows * g.inSize());
    float[] dz = values(random, rows * g.outSize());

    float[] expected = new float[rows * g.outSize()];
    float[] actual = new float[rows * g.outSize()];
    direct.forward(x, p, wOff, bOff, expected, rows);
    chosen.forward(x, p, wOff, bOff, actual, rows);
    assertClose("forward", expected, actual);

    float[] expectedDx = new float[rows * g.inSize()];
    float[] actualDx = values(random, rows * g.inSize());
    direct.inputGradient(dz, p, wOff, expectedDx, rows);
    chosen.inputGradient(dz, p, wOff, actualDx, rows);
    assertClose("input gradient", expectedDx, actualDx);

    float[] expectedG = new float[p.length];
    float[] actualG = values(random, p.length);
    direct.parameterGradient(dz, x, expectedG, wOff, bOff, rows);
    chosen.parameterGradient(dz, x, actualG, wOff, bOff, rows);
    System.arraycopy(expectedG, 0, actualG, 0, wOff);
    assertClose("parameter gradient", expectedG, actualG);
  }

  private static float[] values(SplittableRandom random, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) v[i] = (float) random.nextDouble(-1, 1);
    return v;
  }

  private static void assertClose(String what, float[] expected, float[] actual) {
    float scale = 1f;
    for (float e : expected) scale = Math.max(scale, Math.abs(e));
    for (int i = 0; i < expected.length; i++) {
      float difference = Math.abs(expected[i] - actual[i]);
      int at = i;
      assertTrue(difference <= TOLERANCE * scale,
          () -> what + " differs at " + at + ": expected " + expected[at] + " but was " + actual[at]);
    }
  }
}
