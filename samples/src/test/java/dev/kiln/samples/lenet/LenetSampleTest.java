package dev.kiln.samples.lenet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.runtime.data.Dataset;
import dev.kiln.runtime.kernel.KernelProvider;
import dev.kiln.runtime.testing.BarImages;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lenet sample: javac's error for a LeNet whose fc1 counts its input wrong, then both networks
 * trained through {@code fit} on Fashion-MNIST where Debian's package is installed and the Vector API
 * kernels run (LeNet-5 must reach 0.87), or elsewhere on generated bars, which both must tell apart
 * almost perfectly. The scalar kernels take minutes over Fashion-MNIST's 60,000 images, too long for the
 * suite.
 */
class LenetSampleTest {
  @TempDir Path dir;

  @Test
  void aLeNetWhoseFc1SaysTwoHundredFiftySixGetsTheErrorThatSaysFourHundred() {
    List<String> errors = Main.wrongFc1Errors();
    assertEquals(List.of("LeNet5.java:11: error: [kiln:flattened-in-mismatch] @Linear(in = 256) on fc1() does not"
        + " match the 400 = 16 x 5 x 5 values that flatten() flattens to. Use in = 400, or leave in out"), errors);
  }

  @Test
  void theSampleTrainsBothNetworksAndWritesTheirCurves() throws Exception {
    boolean fashionMnist = dev.kiln.samples.fashion.Main.missing(dev.kiln.samples.fashion.Main.DEBIAN) == null
        && KernelProvider.vectorized();
    Path data = fashionMnist ? dev.kiln.samples.fashion.Main.DEBIAN
        : BarImages.write(dir.resolve("bars"), dev.kiln.samples.fashion.Main.FILES);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Main.Accuracies accuracies = Main.run(data, dir.resolve("out"),
        new PrintStream(printed, true, StandardCharsets.UTF_8), false);
    System.out.println("lenet sample trained on " + data + ": " + accuracies);
    assertTrue(accuracies.lenet() >= (fashionMnist ? 0.87 : 0.95), "LeNet-5 test accuracy " + accuracies.lenet());
    // The tutorial CNN's logits come out of a ReLU, so a class can lose every row to another (Kiln's
    // non-negative-logits rule warns of it when the ReLU is last): 9 of 10 bar classes is its usual lot.
    assertTrue(accuracies.tutorial() >= (fashionMnist ? 0.8 : 0.85), "tutorial CNN test accuracy " + accuracies.tutorial());
    assertTrue(printed.toString(StandardCharsets.UTF_8).contains("LeNet5Model[conv1: Conv2d(1 x 28 x 28"));
    assertTrue(Files.size(dir.resolve("out/lenet5.png")) > 0);
    assertTrue(Files.size(dir.resolve("out/tutorial-cnn.png")) > 0);
  }

  @Test
  void fashionMnistWrittenAsImageFoldersReadsBackAsTheSameImagesAndLabels() throws Exception {
    Path bars = BarImages.write(dir.resolve("bars"), dev.kiln.samples.fashion.Main.FILES);
    String[] files = dev.kiln.samples.fashion.Main.FILES;
    Dataset train = Dataset.fromIdx(bars.resolve(files[0]), bars.resolve(files[1]));
    Dataset test = Dataset.fromIdx(bars.resolve(files[2]), bars.resolve(files[3]));
    ImageFolders.write(train, test, dir.resolve("png"));
    Dataset[] read = ImageFolders.read(dir.resolve("png"));
    assertEquals(ImageFolders.CLASSES, read[0].classNames());
    // The folders order images by class, then by index: compare each class's images in index order.
    for (int set = 0; set < 2; set++) {
      Dataset original = set == 0 ? train : test;
      int[] order = java.util.stream.IntStream.range(0, original.size()).boxed()
          .sorted(java.util.Comparator.comparingInt((Integer i) -> original.labels()[i]).thenComparingInt(i -> i))
          .mapToInt(Integer::intValue).toArray();
      Dataset sorted = original.select(order);
      assertArrayEquals(sorted.labels(), read[set].labels());
      assertArrayEquals(sorted.features(), read[set].features(), 0.5f / 255, "pixels round to the 256 grey levels");
    }
  }

  @Test
  void aFolderWithoutTrainAndTestIsRefusedWithTheWayToWriteOne() throws Exception {
    Files.createDirectories(dir.resolve("empty"));
    var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
        () -> ImageFolders.read(dir.resolve("empty")));
    assertTrue(e.getMessage().endsWith("has no train/ folder; expected train/ and test/, each with one sub-folder"
        + " of images per class (-Dlenet.writeFolder writes Fashion-MNIST so)"), e.getMessage());
  }
}
