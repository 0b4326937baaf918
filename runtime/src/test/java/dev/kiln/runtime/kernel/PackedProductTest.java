package dev.kiln.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.runtime.activation.Activation;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The packed forward product gives the same bits whichever way two threads split it. */
class PackedProductTest {
  private static final int NR = PanamaPackedProduct.NR;

  @Test
  void fewerOutputsThanRowsAreSplitByRowsAndMoreByOutputs() {
    assertTrue(PanamaPackedProduct.splitsRows(256, 128));
    assertFalse(PanamaPackedProduct.splitsRows(256, 512));
  }

  @Test
  void splitByRowsGivesTheBitsOfOneThread() {
    checkSameBits(200, 700, 3 * NR + 5);
  }

  @Test
  void splitByOutputsGivesTheBitsOfOneThread() {
    checkSameBits(136, 600, 6 * NR + 7);
  }

  private static void checkSameBits(int rows, int in, int out) {
    assertTrue(PanamaLinearKernels.packs(rows, in, out));
    Random random = new Random(rows + in + out);
    float[] x = new float[rows * in];
    float[] p = new float[out * in + out];
    for (int i = 0; i < x.length; i++) x[i] = (float) random.nextGaussian();
    for (int i = 0; i < p.length; i++) p[i] = (float) random.nextGaussian();
    float[] one = forward(new PanamaLinearKernels(1), x, p, rows, in, out);
    float[] two = forward(new PanamaLinearKernels(2), x, p, rows, in, out);
    assertArrayEquals(one, two);
  }

  private static float[] forward(PanamaLinearKernels kernels, float[] x, float[] p, int rows, int in, int out) {
    float[] y = new float[rows * out];
    kernels.linearForward(x, p, 0, out * in, y, y, rows, in, out, Activation.RELU);
    return y;
  }
}
