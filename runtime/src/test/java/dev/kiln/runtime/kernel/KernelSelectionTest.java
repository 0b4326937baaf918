package dev.kiln.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

/** The build runs the suite twice; each run must really be on the kernels it claims. */
class KernelSelectionTest {

  @Test
  void theKernelsChosenAtStartUpAreTheOnesThisRunIsFor() {
    String expected = System.getProperty("kiln.test.expectedKernels");
    assertNotNull(expected, "surefire sets kiln.test.expectedKernels for each run");
    assertEquals(expected, KernelProvider.kernels().name());
  }

  @Test
  void otherFamiliesAreToldWhetherTheVectorApiWasChosen() {
    assertEquals("panama".equals(System.getProperty("kiln.test.expectedKernels")), KernelProvider.vectorized());
  }
}
