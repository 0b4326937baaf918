package dev.kiln.runtime.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Examples for training: features row-major [size x width], with either one class index per row
 * ({@link #labels()}) or float targets row-major [size x targetWidth] ({@link #targets()}). Immutable:
 * shuffling, splitting and standardising return new datasets.
 */
public final class Dataset {
  /** The rows' inputs: floats, or, for a token model, token ids in {@code tokens} (and this is null). */
  private final float[] features;
  private final int[] tokens;
  private final int width;
  private final int[] labels;
  /** Labels per row: 1, or the row's length when each position has its own (a tagger, a language model). */
  private final int labelWidth;
  private final float[] targets;
  private final int targetWidth;
  /** The name of each class, by index; empty where the data did not say. */
  private final List<String> classNames;
  /** Channels, height and width of each row as an image, or null where the rows are not images. */
  private final int[] imageShape;

  private Dataset(float[] features, int width, int[] labels, float[] targets, int targetWidth) {
    this(features, null, width, labels, 1, targets, targetWidth, List.of(), null);
  }

  private Dataset(float[] features, int[] tokens, int width, int[] labels, int labelWidth, float[] targets,
      int targetWidth, List<String> classNames, int[] imageShape) {
    this.features = features;
    this.tokens = tokens;
    this.width = width;
    this.labels = labels;
    this.labelWidth = labelWidth;
    this.targets = targets;
    this.targetWidth = targetWidth;
    this.classNames = List.copyOf(classNames);
    this.imageShape = imageShape;
  }

  /** Rows of {@code width} features with one class index each. */
  public static Dataset ofClasses(float[] features, int width, int[] labels) {
    int size = rows(features, width);
    if (labels.length != size) {
      throw new IllegalArgumentException("labels has " + labels.length + " values but features has " + size
          + " rows; expected one label per row");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0) {
        throw new IllegalArgumentException("labels[" + i + "] = " + labels[i] + " is not a class index; expected >= 0");
      }
    }
    return new Dataset(features.clone(), width, labels.clone(), null, 0);
  }

  /**
   * Rows of {@code length} token ids, for a model with {@code @Input(tokens = length, ...)}, with one class
   * index per row, or one per position ([rows x length], where a negative index is the loss's
   * {@code ignoreIndex} for a position without a target). The ids are checked against the vocabulary when a
   * model reads them.
   */
  public static Dataset ofTokens(int[] tokens, int length, int[] labels) {
    if (length <= 0 || tokens.length == 0 || tokens.length % length != 0) {
      throw new IllegalArgumentException("tokens has " + tokens.length + " ids; expected a positive multiple of "
          + length + " (rows of " + length + " tokens)");
    }
    int size = tokens.length / length;
    boolean perPosition = labels.length == tokens.length && length > 1;
    if (labels.length != size && !perPosition) {
      throw new IllegalArgumentException("labels has " + labels.length + " values but tokens has " + size
          + " rows of " + length + "; expected one label per row (" + size + ") or per position (" + tokens.length
          + ")");
    }
    for (int i = 0; i < labels.length && !perPosition; i++) {
      if (labels[i] < 0) {
        throw new IllegalArgumentException("labels[" + i + "] = " + labels[i] + " is not a class index; expected >= 0");
      }
    }
    return new Dataset(null, tokens.clone(), length, labels.clone(), perPosition ? length : 1, null, 0, List.of(),
        null);
  }

  /** Rows of {@code width} features with {@code targetWidth} float targets each. */
  public static Dataset ofTargets(float[] features, int width, float[] targets, int targetWidth) {
    int size = rows(features, width);
    if (targetWidth <= 0 || targets.length != size * targetWidth) {
      throw new IllegalArgumentException("targets has " + targets.length + " values; expected " + size + " rows x "
          + targetWidth + " = " + (long) size * targetWidth);
    }
    return new Dataset(features.clone(), width, null, targets.clone(), targetWidth);
  }

  /**
   * MNIST-format images and labels (IDX, gzipped or not), the images scaled to [0, 1].
   *
   * @throws IOException naming the file and what is wrong with it
   */
  public static Dataset fromIdx(Path images, Path labels) throws IOException {
    Idx x = Idx.read(images);
    Idx y = Idx.read(labels);
    if (x.count() != y.count()) {
      throw new IOException(images + " holds " + x.count() + " images but " + labels + " holds " + y.count()
          + " labels; expected as many of each");
    }
    int[] shape = x.dimensions().length == 3 ? new int[] {1, x.dimensions()[1], x.dimensions()[2]} : null;
    return new Dataset(x.scaledToUnit(), null, x.itemSize(), y.asInts(), 1, null, 0, List.of(), shape);
  }

  /**
   * Images in one sub-folder per class, as torchvision's {@code ImageFolder}: the classes sorted by their
   * folders' names (class 0 the first), the images in each sorted by file name; PNG, JPEG, BMP or GIF, read
   * with {@code javax.imageio}, resized to {@code height} x {@code width} (bilinear, pixel centres aligned as
   * PyTorch's {@code align_corners=False}), made grey ({@code channels} 1, ITU-R 601 luma as PIL's
   * {@code convert("L")}) or RGB ({@code channels} 3, alpha dropped), scaled to [0, 1], each row
   * [channels x height x width]. Hidden files (names starting with a dot) are skipped; {@link #classNames()}
   * names the classes.
   *
   * @throws IOException naming the file that is not an image, or the folder that has no class sub-folders
   */
  public static Dataset fromImageFolder(Path root, int channels, int height, int width) throws IOException {
    ImageFolder folder = ImageFolder.read(root, channels, height, width);
    return new Dataset(folder.pixels(), null, channels * height * width, folder.labels(), 1, null, 0,
        folder.classNames(), new int[] {channels, height, width});
  }

  /** This dataset, its rows known to be images of {@code channels} x {@code height} x {@code width} (for {@code Augment}). */
  public Dataset withImageShape(int channels, int height, int width) {
    if (channels < 1 || height < 1 || width < 1 || (long) channels * height * width != this.width) {
      throw new IllegalArgumentException("an image of " + channels + " x " + height + " x " + width + " is "
          + (long) channels * height * width + " values; this dataset's rows have " + this.width);
    }
    return new Dataset(features, tokens, this.width, labels, labelWidth, targets, targetWidth, classNames,
        new int[] {channels, height, width});
  }

  /**
   * The rows' shape as images, {channels, height, width}: from {@link #fromImageFolder}, {@link #fromIdx} or
   * {@link #withImageShape}; empty otherwise.
   */
  public java.util.Optional<int[]> imageShape() {
    return java.util.Optional.ofNullable(imageShape).map(int[]::clone);
  }

  /** The classes' names, by index, where the data gave them ({@link #fromImageFolder}); empty otherwise. */
  public List<String> classNames() {
    return classNames;
  }

  /**
   * A CSV file with a header row: the column named {@code labelColumn} holds class indices (whole
   * numbers from 0), every other column a numeric feature.
   *
   * @throws IOException naming the file, the line and the value that is not a number, or a missing column
   */
  public static Dataset fromCsv(Path path, String labelColumn) throws IOException {
    try (Reader reader = Files.newBufferedReader(path)) {
      return fromCsv(reader, path.toString(), labelColumn);
    }
  }

  /** {@link #fromCsv(Path, String)} of text from {@code reader}; {@code path} names it in messages. */
  static Dataset fromCsv(Reader reader, String path, String labelColumn) throws IOException {
    try {
      return parseCsv(reader, path, labelColumn);
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(path)) throw e;
      // Commons CSV's own: an unclosed quote in the header row, say.
      throw new IOException(path + " is not valid CSV with a header row: " + e.getMessage(), e);
    } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      // Commons CSV reports a malformed file (an unclosed quote, a duplicate or empty column name) this way.
      String message = e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
      throw new IOException(path + " is not valid CSV with a header row: " + message, e);
    }
  }

  private static Dataset parseCsv(Reader reader, String path, String labelColumn) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    try (CSVParser parser = CSVParser.parse(reader, format)) {
      List<String> header = parser.getHeaderNames();
      int labelIndex = header.indexOf(labelColumn);
      if (labelIndex < 0) {
        throw new IOException(path + " has no column " + labelColumn + "; its columns are " + header);
      }
      int width = header.size() - 1;
      List<float[]> rows = new ArrayList<>();
      List<Integer> labels = new ArrayList<>();
      for (CSVRecord record : parser) {
        if (record.size() != header.size()) {
          throw new IOException(path + " line " + (record.getRecordNumber() + 1) + " has " + record.size()
              + " values; expected " + header.size() + ", one per column of the header");
        }
        float[] row = new float[width];
        for (int c = 0, f = 0; c < header.size(); c++) {
          String value = record.get(c);
          if (c == labelIndex) {
            labels.add(classIndex(path, record, header.get(c), value));
          } else {
            row[f++] = number(path, record, header.get(c), value);
          }
        }
        rows.add(row);
      }
      float[] x = new float[rows.size() * width];
      for (int r = 0; r < rows.size(); r++) System.arraycopy(rows.get(r), 0, x, r * width, width);
      return ofClasses(x, width, labels.stream().mapToInt(Integer::intValue).toArray());
    }
  }

  private static float number(String path, CSVRecord record, String column, String value) throws IOException {
    try {
      return Float.parseFloat(value);
    } catch (NumberFormatException e) {
      throw new IOException(path + " line " + (record.getRecordNumber() + 1) + ", column " + column + ": '" + value
          + "' is not a number", e);
    }
  }

  private static int classIndex(String path, CSVRecord record, String column, String value) throws IOException {
    try {
      int label = Integer.parseInt(value);
      if (label >= 0) return label;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IOException(path + " line " + (record.getRecordNumber() + 1) + ", column " + column + ": '" + value
        + "' is not a class index; expected a whole number from 0");
  }

  private static int rows(float[] features, int width) {
    if (width <= 0 || features.length % width != 0) {
      throw new IllegalArgumentException("features has " + features.length + " values; expected a multiple of the width "
          + width);
    }
    return features.length / width;
  }

  public int size() {
    return (tokens != null ? tokens.length : features.length) / width;
  }

  /** Whether the rows are token ids ({@link #ofTokens}) rather than features. */
  public boolean hasTokens() {
    return tokens != null;
  }

  /** A copy of the token ids, row-major; only for a dataset of tokens. */
  public int[] tokens() {
    if (tokens == null) throw new IllegalStateException("this dataset holds features, not token ids");
    return tokens.clone();
  }

  /** Labels per row: 1, or the row's length when each position has a label of its own. */
  public int labelWidth() {
    return labelWidth;
  }

  /** Features (or token ids) per row. */
  public int width() {
    return width;
  }

  public boolean hasLabels() {
    return labels != null;
  }

  /** A copy of the features, row-major. */
  public float[] features() {
    if (features == null) throw new IllegalStateException("this dataset holds token ids: read them with tokens()");
    return features.clone();
  }

  /** A copy of the class indices; only for a dataset of classes. */
  public int[] labels() {
    requireLabels();
    return labels.clone();
  }

  /** A copy of the float targets, row-major; only for a dataset of targets. */
  public float[] targets() {
    if (targets == null) throw new IllegalStateException("this dataset has class labels, not float targets");
    return targets.clone();
  }



  public int targetWidth() {
    return targetWidth;
  }

  /** The number of classes: one more than the largest label. */
  public int classes() {
    requireLabels();
    return Arrays.stream(labels).max().orElse(-1) + 1;
  }

  private void requireLabels() {
    if (labels == null) throw new IllegalStateException("this dataset has float targets, not class labels");
  }

  /** The rows in the order {@code rows} gives. */
  public Dataset select(int[] rows) {
    float[] x = features == null ? null : new float[rows.length * width];
    int[] ids = tokens == null ? null : new int[rows.length * width];
    int[] y = labels == null ? null : new int[rows.length * labelWidth];
    float[] t = targets == null ? null : new float[rows.length * targetWidth];
    for (int i = 0; i < rows.length; i++) {
      if (x != null) System.arraycopy(features, rows[i] * width, x, i * width, width);
      if (ids != null) System.arraycopy(tokens, rows[i] * width, ids, i * width, width);
      if (y != null) System.arraycopy(labels, rows[i] * labelWidth, y, i * labelWidth, labelWidth);
      if (t != null) System.arraycopy(targets, rows[i] * targetWidth, t, i * targetWidth, targetWidth);
    }
    return new Dataset(x, ids, width, y, labelWidth, t, targetWidth, classNames, imageShape);
  }

  /** The rows in an order drawn from {@code seed}: the same seed, the same order. */
  public Dataset shuffled(long seed) {
    return select(permutation(size(), new SplittableRandom(seed)));
  }

  /** Shuffles with {@code seed}, then gives the first {@code 1 - testFraction} of the rows to training. */
  public Split split(double testFraction, long seed) {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new IllegalArgumentException("testFraction = " + testFraction + " is invalid; expected a value in (0, 1)");
    }
    int[] order = permutation(size(), new SplittableRandom(seed));
    int test = (int) Math.round(size() * testFraction);
    return new Split(select(Arrays.copyOfRange(order, test, order.length)), select(Arrays.copyOfRange(order, 0, test)));
  }

  /** A training set and a test set. */
  public record Split(Dataset train, Dataset test) {}

  /** The mean and standard deviation of each feature of this dataset, to standardise it and others alike. */
  public Standardizer standardizer() {
    return Standardizer.fit(features(), width);
  }

  /**
   * Copies the rows {@code order[from, from + rows)} into {@code x} and their labels into {@code y}: a
   * mini-batch, into arrays the caller reuses.
   */
  public void copyBatch(int[] order, int from, int rows, float[] x, int[] y) {
    requireLabels();
    for (int i = 0; i < rows; i++) {
      int row = order[from + i];
      System.arraycopy(features, row * width, x, i * width, width);
      y[i] = labels[row];
    }
  }

  /** As {@link #copyBatch(int[], int, int, float[], int[])}, for a dataset of tokens: ids into {@code x}. */
  public void copyBatch(int[] order, int from, int rows, int[] x, int[] y) {
    requireLabels();
    if (tokens == null) throw new IllegalStateException("this dataset holds features, not token ids");
    for (int i = 0; i < rows; i++) {
      int row = order[from + i];
      System.arraycopy(tokens, row * width, x, i * width, width);
      System.arraycopy(labels, row * labelWidth, y, i * labelWidth, labelWidth);
    }
  }

  /** As {@link #copyBatch(int[], int, int, float[], int[])}, for float targets. */
  public void copyBatch(int[] order, int from, int rows, float[] x, float[] y) {
    if (targets == null) throw new IllegalStateException("this dataset has class labels, not float targets");
    for (int i = 0; i < rows; i++) {
      int row = order[from + i];
      System.arraycopy(features, row * width, x, i * width, width);
      System.arraycopy(targets, row * targetWidth, y, i * targetWidth, targetWidth);
    }
  }

  /** A random order of {@code n} rows. */
  public static int[] permutation(int n, SplittableRandom random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) order[i] = i;
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  Dataset withFeatures(float[] x) {
    return new Dataset(x, null, width, labels, labelWidth, targets, targetWidth, classNames, imageShape);
  }
}
