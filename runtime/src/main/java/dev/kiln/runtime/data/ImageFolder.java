package dev.kiln.runtime.data;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * A folder of images, one sub-folder per class, read as {@link Dataset#fromImageFolder} describes: pixels
 * [images x channels x height x width] in [0, 1], a label per image, the classes' names.
 */
record ImageFolder(float[] pixels, int[] labels, List<String> classNames) {
  static ImageFolder read(Path root, int channels, int height, int width) throws IOException {
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels = " + channels + " is invalid; expected 1 (grey) or 3 (RGB)");
    }
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException("an image of " + height + " x " + width + " is invalid; expected at least 1 x 1");
    }
    if (!Files.isDirectory(root)) {
      throw new IOException(root + " is not a folder; expected a folder with one sub-folder of images per class");
    }
    List<Path> classes = sorted(root, Files::isDirectory);
    if (classes.isEmpty()) {
      throw new IOException(root + " has no class sub-folders; expected one sub-folder of images per class");
    }
    int size = channels * height * width;
    List<float[]> images = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int c = 0; c < classes.size(); c++) {
      names.add(classes.get(c).getFileName().toString());
      for (Path file : sorted(classes.get(c), Files::isRegularFile)) {
        float[] image = new float[size];
        write(decode(file), channels, height, width, image);
        images.add(image);
        labels.add(c);
      }
    }
    float[] pixels = new float[images.size() * size];
    for (int i = 0; i < images.size(); i++) System.arraycopy(images.get(i), 0, pixels, i * size, size);
    return new ImageFolder(pixels, labels.stream().mapToInt(Integer::intValue).toArray(), names);
  }

  private static List<Path> sorted(Path folder, java.util.function.Predicate<Path> kind) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.filter(kind).filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted().toList();
    }
  }

  private static BufferedImage decode(Path file) throws IOException {
    BufferedImage image;
    try {
      image = ImageIO.read(file.toFile());
    } catch (IOException | RuntimeException e) {
      throw new IOException(file + " cannot be read as an image (" + e.getMessage() + "); expected a PNG, JPEG, BMP"
          + " or GIF file", e);
    }
    if (image == null) {
      throw new IOException(file + " is not an image javax.imageio can read; expected a PNG, JPEG, BMP or GIF file");
    }
    return image;
  }

  /**
   * The image's pixels as [channels][height][width] in [0, 1], resized bilinearly: each output pixel's centre
   * mapped to the source ({@code (o + 0.5) · in / out - 0.5}, clamped), as PyTorch's {@code align_corners=False}.
   */
  private static void write(BufferedImage image, int channels, int height, int width, float[] out) {
    int h = image.getHeight();
    int w = image.getWidth();
    float[][] source = planes(image, channels);
    float sy = (float) h / height;
    float sx = (float) w / width;
    for (int oy = 0; oy < height; oy++) {
      float y = Math.max(0f, (oy + 0.5f) * sy - 0.5f);
      int y0 = Math.min((int) y, h - 1);
      int y1 = Math.min(y0 + 1, h - 1);
      float fy = y - y0;
      for (int ox = 0; ox < width; ox++) {
        float x = Math.max(0f, (ox + 0.5f) * sx - 0.5f);
        int x0 = Math.min((int) x, w - 1);
        int x1 = Math.min(x0 + 1, w - 1);
        float fx = x - x0;
        for (int c = 0; c < channels; c++) {
          float[] p = source[c];
          float top = p[y0 * w + x0] * (1 - fx) + p[y0 * w + x1] * fx;
          float bottom = p[y1 * w + x0] * (1 - fx) + p[y1 * w + x1] * fx;
          out[(c * height + oy) * width + ox] = top * (1 - fy) + bottom * fy;
        }
      }
    }
  }

  /**
   * The image as {@code channels} planes in [0, 1]. A grey image is read from its raster (its {@code getRGB}
   * would pass it through a linear-to-sRGB conversion and change every value); any other through sRGB.
   */
  private static float[][] planes(BufferedImage image, int channels) {
    int h = image.getHeight();
    int w = image.getWidth();
    float[][] planes = new float[channels][h * w];
    ColorModel model = image.getColorModel();
    boolean grey = model.getNumColorComponents() == 1 && !(model instanceof java.awt.image.IndexColorModel);
    if (grey) {
      Raster raster = image.getRaster();
      float max = (1 << model.getComponentSize(0)) - 1;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          float v = raster.getSample(x, y, 0) / max;
          for (int c = 0; c < channels; c++) planes[c][y * w + x] = v;
        }
      }
      return planes;
    }
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int argb = image.getRGB(x, y);
        int r = (argb >> 16) & 0xff;
        int g = (argb >> 8) & 0xff;
        int b = argb & 0xff;
        if (channels == 1) {
          // PIL's convert("L"): L = R · 299/1000 + G · 587/1000 + B · 114/1000.
          planes[0][y * w + x] = (r * 299 + g * 587 + b * 114) / 1000f / 255f;
        } else {
          planes[0][y * w + x] = r / 255f;
          planes[1][y * w + x] = g / 255f;
          planes[2][y * w + x] = b / 255f;
        }
      }
    }
    return planes;
  }
}
