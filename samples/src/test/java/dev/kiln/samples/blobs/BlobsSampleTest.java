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
    double accuracy = Main.train(Blobs.generate(42), new PrintStream(printed, true, StandardCharsets.UTF_8)).accuracy();
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

  @Test
  void theSampleWritesItsPictures(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.io.PrintStream original = System.out;
    System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try {
      Main.main(new String[] {dir.toString()});
    } finally {
      System.setOut(original);
    }
    for (String name : new String[] {"decision-regions.png", "loss.png"}) {
      java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(dir.resolve(name).toFile());
      assertEquals(800, image.getWidth(), name);
    }
  }
}
