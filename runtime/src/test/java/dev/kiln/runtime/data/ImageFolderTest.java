package dev.kiln.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Dataset.fromImageFolder} on PNGs written here: two classes, images of three sizes, a grey one and
 * an RGB one with alpha; classes sorted by folder name as torchvision's {@code ImageFolder}; pixels in
 * [0, 1], resized bilinearly; files that are not images refused by name.
 */
class ImageFolderTest {
  @TempDir Path root;

  private static void write(Path file, BufferedImage image) throws IOException {
    Files.createDirectories(file.getParent());
    ImageIO.write(image, "png", file.toFile());
  }

  /** A grey image whose pixel (x, y) is {@code values[y][x]}. */
  private static BufferedImage grey(int[][] values) {
    BufferedImage image = new BufferedImage(values[0].length, values.length, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < values.length; y++) {
      for (int x = 0; x < values[0].length; x++) image.getRaster().setSample(x, y, 0, values[y][x]);
    }
    return image;
  }

  @BeforeEach
  void writeImages() throws IOException {
    // "cats" sorts before "dogs": class 0. Its images: a grey 2 x 2, and an RGBA 2 x 2 (half transparent).
    write(root.resolve("cats/a.png"), grey(new int[][] {{0, 255}, {51, 102}}));
    BufferedImage rgba = new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB);
    rgba.setRGB(0, 0, 0x80FF0000);
    rgba.setRGB(1, 0, 0xFF00FF00);
    rgba.setRGB(0, 1, 0x400000FF);
    rgba.setRGB(1, 1, 0xFF336699);
    write(root.resolve("cats/b.png"), rgba);
    // "dogs": a 1 x 2 grey image (to be stretched) and a 4 x 4 one (to be shrunk).
    write(root.resolve("dogs/c.png"), grey(new int[][] {{0, 255}}));
    write(root.resolve("dogs/d.png"), grey(new int[][] {{0, 40, 80, 120}, {0, 40, 80, 120}, {0, 40, 80, 120},
        {0, 40, 80, 120}}));
    Files.writeString(root.resolve(".DS_Store"), "not a class");
    Files.createDirectories(root.resolve(".hidden"));
  }

  @Test
  void classesAreTheSubFoldersSortedByName() throws IOException {
    Dataset data = Dataset.fromImageFolder(root, 1, 2, 2);
    assertEquals(List.of("cats", "dogs"), data.classNames());
    assertArrayEquals(new int[] {0, 0, 1, 1}, data.labels());
    assertEquals(4, data.width());
    assertArrayEquals(new int[] {1, 2, 2}, data.imageShape().orElseThrow());
  }

  @Test
  void aGreyImageIsItsSamplesOver255() throws IOException {
    float[] x = Dataset.fromImageFolder(root, 1, 2, 2).features();
    assertArrayEquals(new float[] {0f, 1f, 51 / 255f, 102 / 255f}, java.util.Arrays.copyOfRange(x, 0, 4));
  }

  @Test
  void anRgbImageWithAlphaKeepsItsColoursAndDropsTheAlpha() throws IOException {
    float[] x = Dataset.fromImageFolder(root, 3, 2, 2).features();
    // The second image, channel-major: red, green, blue planes.
    float[] expected = {1f, 0f, 0f, 0x33 / 255f, 0f, 1f, 0f, 0x66 / 255f, 0f, 0f, 1f, 0x99 / 255f};
    assertArrayEquals(expected, java.util.Arrays.copyOfRange(x, 12, 24));
  }

  @Test
  void aGreyImageReadAsRgbRepeatsItsPlane() throws IOException {
    float[] x = Dataset.fromImageFolder(root, 3, 2, 2).features();
    float[] plane = {0f, 1f, 51 / 255f, 102 / 255f};
    for (int c = 0; c < 3; c++) assertArrayEquals(plane, java.util.Arrays.copyOfRange(x, c * 4, c * 4 + 4));
  }

  @Test
  void colourMadeGreyIsTheLumaOfItsRgb() throws IOException {
    float[] x = Dataset.fromImageFolder(root, 1, 2, 2).features();
    assertEquals(299 / 1000f, x[4], 1e-6f); // pure red
    assertEquals(587 / 1000f, x[5], 1e-6f); // pure green
    assertEquals(114 / 1000f, x[6], 1e-6f); // pure blue
  }

  @Test
  void resizingIsBilinearWithPixelCentresAlignedAsPyTorch() throws IOException {
    float[] x = Dataset.fromImageFolder(root, 1, 2, 4).features();
    // [0, 255] stretched to 4 columns: F.interpolate(mode="bilinear", align_corners=False) gives 0, 1/4, 3/4, 1.
    assertArrayEquals(new float[] {0f, 0.25f, 0.75f, 1f, 0f, 0.25f, 0.75f, 1f},
        java.util.Arrays.copyOfRange(x, 16, 24), 1e-6f);
    // 0, 40, 80, 120 shrunk to 2 columns: the means of the pairs, 20 and 100.
    float[] shrunk = Dataset.fromImageFolder(root, 1, 2, 2).features();
    assertArrayEquals(new float[] {20 / 255f, 100 / 255f, 20 / 255f, 100 / 255f},
        java.util.Arrays.copyOfRange(shrunk, 12, 16), 1e-6f);
  }

  @Test
  void aFileThatIsNotAnImageIsRefusedByName() throws IOException {
    Path corrupt = root.resolve("dogs/e.png");
    Files.write(corrupt, new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
    var e = assertThrows(IOException.class, () -> Dataset.fromImageFolder(root, 1, 2, 2));
    assertEquals(true, e.getMessage().startsWith(corrupt.toString()), e.getMessage());
  }

  @Test
  void aFolderWithoutClassSubFoldersIsRefusedByName() throws IOException {
    Path flat = Files.createDirectories(root.resolve("cats")).resolve("only-files");
    Files.createDirectories(flat);
    Files.writeString(flat.resolve("x.txt"), "no class folders here");
    var e = assertThrows(IOException.class, () -> Dataset.fromImageFolder(flat, 1, 2, 2));
    assertEquals(flat + " has no class sub-folders; expected one sub-folder of images per class", e.getMessage());
  }
}
