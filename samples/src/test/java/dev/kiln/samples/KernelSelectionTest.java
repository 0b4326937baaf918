package dev.kiln.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.runtime.kernel.KernelProvider;
import org.junit.jupiter.api.Test;

/** Generated code is tested on both kernel paths; each run must really be on the one it claims. */
class KernelSelectionTest {

  @Test
  void theKernelsChosenAtStartUpAreTheOnesThisRunIsFor() {
    assertEquals(System.getProperty("kiln.test.expectedKernels"), KernelProvider.kernels().name());
  }
}
