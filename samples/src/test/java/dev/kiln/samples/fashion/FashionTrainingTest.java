package dev.kiln.samples.fashion;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole fashion sample: four IDX files in, both networks trained through {@code fit}, test accuracies
 * printed and curves written. On Fashion-MNIST where Debian's dataset-fashion-mnist is installed, where
 * 784-128-10 must reach 0.87 in 5 epochs. The data cannot be fetched here, so elsewhere (a fresh CI
 * machine) the sample runs on generated files of the same format: ten classes of 28 x 28 images, each
 * class a bright bar at its own height over noise, which both networks must tell apart almost perfectly.
 */
class FashionTrainingTest {
  private static final int SIDE = 28;

  @TempDir Path dir;

  @Test
  void theSampleTrainsBothNetworksFromIdxFilesAndWritesTheirCurves() throws Exception {
    boolean fashionMnist = Main.missing(Main.DEBIAN) == null;
    Path data = fashionMnist ? Main.DEBIAN : writeBars(dir.resolve("bars"));
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

  /** Writes the sample's four files, 2,000 training and 500 test images of bars; returns their directory. */
  private static Path writeBars(Path to) throws IOException {
    Files.createDirectories(to);
    Random random = new Random(5);
    writeSet(to, Main.FILES[0], Main.FILES[1], 2_000, random);
    writeSet(to, Main.FILES[2], Main.FILES[3], 500, random);
    return to;
  }

  private static void writeSet(Path to, String imagesFile, String labelsFile, int count, Random random)
      throws IOException {
    byte[] pixels = new byte[count * SIDE * SIDE];
    byte[] labels = new byte[count];
    for (int n = 0; n < count; n++) {
      int label = n % 10;
      labels[n] = (byte) label;
      for (int p = 0; p < SIDE * SIDE; p++) {
        boolean bar = p / SIDE == 2 * label + 4 && p % SIDE >= 4 && p % SIDE < 24;
        pixels[n * SIDE * SIDE + p] = (byte) (bar ? 180 + random.nextInt(76) : random.nextInt(60));
      }
    }
    writeIdx(to.resolve(imagesFile), 0x0803, new int[] {count, SIDE, SIDE}, pixels);
    writeIdx(to.resolve(labelsFile), 0x0801, new int[] {count}, labels);
  }

  private static void writeIdx(Path file, int magic, int[] dimensions, byte[] data) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(file)))) {
      out.writeInt(magic);
      for (int d : dimensions) out.writeInt(d);
      out.write(data);
    }
  }
}
