package dev.kiln.samples.fashion;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole fashion sample, where Debian's dataset-fashion-mnist is installed (JUnit reports it skipped
 * elsewhere, since the data cannot be fetched here): 784-128-10 reaches 0.87 test accuracy in 5 epochs.
 */
class FashionTrainingTest {
  @TempDir Path dir;

  @Test
  void theHiddenLayerNetworkReachesEightySevenPercentAndThePicturesAreWritten() throws Exception {
    Assumptions.assumeTrue(Main.missing(Main.DEBIAN) == null, "Fashion-MNIST is not installed here");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Main.Accuracies accuracies = Main.run(Main.DEBIAN, dir, new PrintStream(printed, true, StandardCharsets.UTF_8),
        false);
    assertTrue(accuracies.mlp() >= 0.87, "784-128-10 test accuracy " + accuracies.mlp());
    assertTrue(accuracies.linear() > 0.8, "784 -> 10 test accuracy " + accuracies.linear());
    assertTrue(Files.size(dir.resolve("mlp.png")) > 0);
  }
}
