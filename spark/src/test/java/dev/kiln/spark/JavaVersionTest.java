package dev.kiln.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The run on the second JDK really runs there: the build asks for JDK 25 and gets it. */
class JavaVersionTest {
  @Test
  void theTestsRunOnTheJdkTheBuildAskedFor() {
    String expected = System.getProperty("kiln.test.expectedJavaFeature");
    if (expected != null) assertEquals(Integer.parseInt(expected), Runtime.version().feature());
  }
}
