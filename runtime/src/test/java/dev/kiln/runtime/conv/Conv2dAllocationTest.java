package dev.kiln.runtime.conv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.runtime.activation.Activation;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** A convolution's passes write into the arrays they are given and allocate nothing. */
class Conv2dAllocationTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  @Test
  void aStridedConvolutionAllocatesNothingAfterWarmUp() {
    assertNoAllocation(new Conv2d(3, 9, 8, 4, 3, 2, 1, 1));
  }

  @Test
  void aStrideOneConvolutionAllocatesNothingAfterWarmUp() {
    assertNoAllocation(new Conv2d(3, 9, 8, 4, 3, 1, 1, 1));
  }

  private static void assertNoAllocation(Conv2d conv) {
    int rows = 5;
    float[] p = new float[4 * 3 * 9 + 4];
    float[] x = new float[rows * conv.inSize()];
    float[] z = new float[rows * conv.outSize()];
    float[] y = new float[rows * conv.outSize()];
    float[] dx = new float[rows * conv.inSize()];
    float[] g = new float[p.length];
    Runnable step = () -> {
      conv.forward(x, p, 0, 108, z, y, rows, Activation.RELU);
      conv.parameterGradient(y, x, g, 0, 108, rows);
      conv.inputGradientRelu(y, p, 0, dx, x, rows);
    };
    for (int i = 0; i < 20_000; i++) step.run();
    long thread = Thread.currentThread().getId();
    long before = THREADS.getThreadAllocatedBytes(thread);
    for (int i = 0; i < 500; i++) step.run();
    assertEquals(0, THREADS.getThreadAllocatedBytes(thread) - before);
  }
}
