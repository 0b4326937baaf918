package dev.kiln.runtime.testing;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Fashion-MNIST's four IDX files, made up where the real data cannot be fetched: ten classes of 28 x 28
 * images, each class a bright bar at its own height over noise, 2,000 for training and 500 for testing.
 */
public final class BarImages {
  private static final int SIDE = 28;

  private BarImages() {}

  /** Writes the four files under Fashion-MNIST's names ({@code files}: images and labels, train then test). */
  public static Path write(Path to, String[] files) throws IOException {
    Files.createDirectories(to);
    Random random = new Random(5);
    writeSet(to, files[0], files[1], 2_000, random);
    writeSet(to, files[2], files[3], 500, random);
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
