package dev.kiln.samples.blobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BlobsSampleTest {

  @Test
  void theSampleEndsAboveNinetyFivePercentAccuracyReportingEveryTwentySteps() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    double accuracy = Main.train(new PrintStream(printed, true, StandardCharsets.UTF_8));
    assertTrue(accuracy > 0.95, "accuracy " + accuracy);
    String output = printed.toString(StandardCharsets.UTF_8);
    assertEquals(5, output.lines().filter(l -> l.startsWith("step")).count(), output);
  }

  @Test
  void theDataAreTwoBlobsOfAHundredPointsEach() {
    Blobs blobs = Blobs.generate(42);
    assertEquals(200, blobs.size());
    double meanX0 = 0;
    for (int i = 0; i < 100; i++) meanX0 += blobs.x()[2 * i] / 100.0;
    assertEquals(2.0, meanX0, 0.3);
    assertEquals(0, blobs.labels()[0]);
    assertEquals(1, blobs.labels()[199]);
  }
}
