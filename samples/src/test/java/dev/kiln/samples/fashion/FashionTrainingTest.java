package dev.kiln.samples.fashion;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.runtime.kernel.KernelProvider;
import dev.kiln.runtime.testing.BarImages;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole fashion sample: four IDX files in, both networks trained through {@code fit}, test accuracies
 * printed and curves written. On Fashion-MNIST where Debian's dataset-fashion-mnist is installed and the
 * Vector API kernels run (the scalar ones take minutes over its 60,000 images), where 784-128-10 must
 * reach 0.87 in 5 epochs. The data cannot be fetched here, so elsewhere (a fresh CI
 * machine) the sample runs on generated files of the same format: ten classes of 28 x 28 images, each
 * class a bright bar at its own height over noise, which both networks must tell apart almost perfectly.
 */
class FashionTrainingTest {
  @TempDir Path dir;

  @Test
  void theSampleTrainsBothNetworksFromIdxFilesAndWritesTheirCurves() throws Exception {
    boolean fashionMnist = Main.missing(Main.DEBIAN) == null && KernelProvider.vectorized();
    Path data = fashionMnist ? Main.DEBIAN : BarImages.write(dir.resolve("bars"), Main.FILES);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Main.Accuracies accuracies = Main.run(data, dir.resolve("out"),
        new PrintStream(printed, true, StandardCharsets.UTF_8), false);
    System.out.println("fashion sample trained on " + data + ": " + accuracies);

    double mlpBar = fashionMnist ? 0.87 : 0.95;
    double linearBar = fashionMnist ? 0.8 : 0.95;
    assertTrue(accuracies.mlp() >= mlpBar, "784-128-10 test accuracy " + accuracies.mlp() + " on " + data);
    assertTrue(accuracies.linear() >= linearBar, "784 -> 10 test accuracy " + accuracies.linear() + " on " + data);
    assertTrue(printed.toString(StandardCharsets.UTF_8).contains("784-128-10, @ReLU + CROSS_ENTROPY     test accuracy"));
    assertTrue(Files.size(dir.resolve("out/linear.png")) > 0);
    assertTrue(Files.size(dir.resolve("out/mlp.png")) > 0);
  }
}
