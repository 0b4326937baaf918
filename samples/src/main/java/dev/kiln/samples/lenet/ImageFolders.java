package dev.kiln.samples.lenet;

import dev.kiln.runtime.data.Dataset;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Fashion-MNIST written out as torchvision's {@code ImageFolder} expects it: {@code train/} and {@code test/},
 * each with one sub-folder per class ({@code 0-t-shirt-top}, ..., numbered so that they sort in class order)
 * holding one grey 28 x 28 PNG per image. What the lenet sample's {@code -Dlenet.writeFolder} writes and
 * {@code -Dlenet.folder} trains from.
 */
final class ImageFolders {
  /** Fashion-MNIST's classes, in label order. */
  static final List<String> CLASSES = List.of("0-t-shirt-top", "1-trouser", "2-pullover", "3-dress", "4-coat",
      "5-sandal", "6-shirt", "7-sneaker", "8-bag", "9-ankle-boot");

  private ImageFolders() {}

  /** Writes {@code train} and {@code test} (28 x 28 grey images in [0, 1]) under {@code root}. */
  static void write(Dataset train, Dataset test, Path root) throws IOException {
    write(train, root.resolve("train"));
    write(test, root.resolve("test"));
  }

  private static void write(Dataset data, Path folder) throws IOException {
    float[] x = data.features();
    int[] labels = data.labels();
    for (String name : CLASSES) Files.createDirectories(folder.resolve(name));
    BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
    for (int i = 0; i < labels.length; i++) {
      for (int y = 0; y < 28; y++) {
        for (int c = 0; c < 28; c++) {
          image.getRaster().setSample(c, y, 0, Math.round(x[i * 784 + y * 28 + c] * 255));
        }
      }
      ImageIO.write(image, "png", folder.resolve(CLASSES.get(labels[i])).resolve(String.format("%05d.png", i)).toFile());
    }
  }

  /** The training and test sets of a folder {@link #write} wrote (or any with {@code train/} and {@code test/}). */
  static Dataset[] read(Path root) throws IOException {
    for (String part : List.of("train", "test")) {
      if (!Files.isDirectory(root.resolve(part))) {
        throw new IOException(root + " has no " + part + "/ folder; expected train/ and test/, each with one"
            + " sub-folder of images per class (-Dlenet.writeFolder writes Fashion-MNIST so)");
      }
    }
    return new Dataset[] {Dataset.fromImageFolder(root.resolve("train"), 1, 28, 28),
        Dataset.fromImageFolder(root.resolve("test"), 1, 28, 28)};
  }
}
