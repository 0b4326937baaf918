package dev.kiln.samples.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LossesSampleTest {
  private static Main.Results results;

  @BeforeAll
  static void run() {
    results = Main.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  @Test
  void absoluteAndSmoothLossesFindTheLineThatTheOutliersPullSquaredErrorOff() {
    double[] mse = results.lines()[0];
    double[] l1 = results.lines()[1];
    double[] smooth = results.lines()[2];
    assertEquals(1, l1[1], 0.2, "L1 intercept");
    assertEquals(2, l1[0], 0.2, "L1 slope");
    assertEquals(1, smooth[1], 0.3, "SmoothL1 intercept");
    assertTrue(mse[1] > 2.5, "the outliers lift MSE's intercept: " + mse[1]);
  }

  @Test
  void positiveWeightFocalAndClassWeightsFindMoreOfTheRareClass() {
    double plain = results.rare()[0][0];
    for (int i = 1; i < 4; i++) {
      assertTrue(results.rare()[i][0] > plain + 0.2, "recall " + results.rare()[i][0] + " against plain " + plain);
    }
  }
}
