package dev.kiln.runtime.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * The IDX format of MNIST and Fashion-MNIST, gzipped or not: a magic number (two zero bytes, the type
 * 0x08 for unsigned bytes, the number of dimensions), the dimensions as big-endian ints, then the data.
 */
public final class Idx {
  private static final int UNSIGNED_BYTE = 0x08;
  private static final int MAX_BYTES = Integer.MAX_VALUE - 8;

  private final int[] dimensions;
  private final byte[] data;

  private Idx(int[] dimensions, byte[] data) {
    this.dimensions = dimensions;
    this.data = data;
  }

  /**
   * Reads an IDX file of unsigned bytes; a gzipped one is recognised by its first bytes.
   *
   * @throws IOException naming the file and what is wrong with it
   */
  public static Idx read(Path path) throws IOException {
    // Streamed, gzipped or not, into an array sized from the file's length: the file is never held whole
    // beside its data (Fashion-MNIST's training images are 47 MB unpacked).
    try (InputStream file = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
      file.mark(2);
      int first = file.read();
      int second = file.read();
      file.reset();
      boolean gzipped = first == 0x1f && second == 0x8b;
      InputStream in = gzipped ? new GZIPInputStream(file, 1 << 16) : file;
      return read(in, path.toString(), gzipped ? gzipSize(path) : Files.size(path));
    }
  }

  static Idx parse(byte[] bytes, String source) throws IOException {
    return read(new ByteArrayInputStream(bytes), source, bytes.length);
  }

  /** The unpacked size a gzip file's trailer gives (modulo 4 GiB), as a first guess at the data's size. */
  private static long gzipSize(Path path) throws IOException {
    try (var channel = Files.newByteChannel(path)) {
      if (channel.size() < 4) return 0;
      ByteBuffer trailer = ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      channel.position(channel.size() - 4).read(trailer);
      return trailer.flip().remaining() == 4 ? Integer.toUnsignedLong(trailer.getInt()) : 0;
    }
  }

  /** An IDX file from {@code in}, named {@code source} in messages; {@code guess}: about how many bytes. */
  private static Idx read(InputStream in, String source, long guess) throws IOException {
    byte[] magic = in.readNBytes(4);
    if (magic.length < 4 || magic[0] != 0 || magic[1] != 0) {
      throw new IOException(source + " is not an IDX file; expected it to start with two zero bytes");
    }
    if ((magic[2] & 0xff) != UNSIGNED_BYTE) {
      throw new IOException(source + " holds IDX type 0x" + Integer.toHexString(magic[2] & 0xff)
          + "; expected 0x08 (unsigned bytes)");
    }
    int rank = magic[3] & 0xff;
    byte[] sizes = in.readNBytes(4 * rank);
    if (rank == 0 || sizes.length < 4 * rank) {
      throw new IOException(source + " declares " + rank + " dimensions but has " + (4 + sizes.length)
          + " bytes; expected at least one dimension and room for their sizes");
    }
    ByteBuffer header = ByteBuffer.wrap(sizes);
    int[] dims = new int[rank];
    for (int i = 0; i < rank; i++) {
      dims[i] = header.getInt();
      if (dims[i] < 0) throw new IOException(source + " has dimension " + i + " of size " + dims[i]);
    }
    long size = Arrays.stream(dims).anyMatch(d -> d == 0) ? 0 : 1;
    // Checked as it grows, which keeps the product far from overflowing a long.
    for (int i = 0; i < rank && size <= MAX_BYTES; i++) size *= dims[i];
    if (size > MAX_BYTES) {
      throw new IOException(source + " has dimensions " + Arrays.toString(dims)
          + ", more bytes than one array holds; expected at most " + MAX_BYTES);
    }
    byte[] data = readData(in, size, guess - 4 - 4L * rank);
    long available = data.length + in.transferTo(OutputStream.nullOutputStream());
    if (available != size) {
      throw new IOException(source + " has dimensions " + Arrays.toString(dims) + ", which take " + size
          + " bytes, but " + available + " bytes of data follow");
    }
    return new Idx(dims, data);
  }

  /**
   * Up to {@code size} bytes, into one array of that size when the file is as long as it says: sized by
   * the guess from the file's length, not by a header that may claim more than follows, and grown only if
   * more arrives.
   */
  private static byte[] readData(InputStream in, long size, long guess) throws IOException {
    byte[] data = new byte[(int) Math.min(size, Math.max(guess, 1 << 16))];
    int filled = 0;
    while (true) {
      int n = in.readNBytes(data, filled, data.length - filled);
      filled += n;
      if (filled < data.length || filled == size) break;
      data = Arrays.copyOf(data, (int) Math.min(size, 2L * data.length));
    }
    return filled == data.length ? data : Arrays.copyOf(data, filled);
  }

  public int[] dimensions() {
    return dimensions.clone();
  }

  /** The number of items: the first dimension. */
  public int count() {
    return dimensions[0];
  }

  /** The values per item: the product of the other dimensions (784 for 28 x 28 images). */
  public int itemSize() {
    int size = 1;
    for (int i = 1; i < dimensions.length; i++) size *= dimensions[i];
    return size;
  }

  /** Every value divided by 255, row-major [count x itemSize]: images as networks take them. */
  public float[] scaledToUnit() {
    float[] values = new float[data.length];
    for (int i = 0; i < data.length; i++) values[i] = (data[i] & 0xff) / 255f;
    return values;
  }

  /** The values as ints: labels. */
  public int[] asInts() {
    int[] values = new int[data.length];
    for (int i = 0; i < data.length; i++) values[i] = data[i] & 0xff;
    return values;
  }
}
