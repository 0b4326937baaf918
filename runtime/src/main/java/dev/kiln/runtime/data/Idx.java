package dev.kiln.runtime.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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
    byte[] bytes = Files.readAllBytes(path);
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
        bytes = in.readAllBytes();
      }
    }
    return parse(bytes, path.toString());
  }

  static Idx parse(byte[] bytes, String source) throws IOException {
    if (bytes.length < 4 || bytes[0] != 0 || bytes[1] != 0) {
      throw new IOException(source + " is not an IDX file; expected it to start with two zero bytes");
    }
    if ((bytes[2] & 0xff) != UNSIGNED_BYTE) {
      throw new IOException(source + " holds IDX type 0x" + Integer.toHexString(bytes[2] & 0xff)
          + "; expected 0x08 (unsigned bytes)");
    }
    int rank = bytes[3] & 0xff;
    if (rank == 0 || bytes.length < 4 + 4 * rank) {
      throw new IOException(source + " declares " + rank + " dimensions but has " + bytes.length
          + " bytes; expected at least one dimension and room for their sizes");
    }
    ByteBuffer header = ByteBuffer.wrap(bytes, 4, 4 * rank);
    int[] dims = new int[rank];
    long size = 1;
    for (int i = 0; i < rank; i++) {
      dims[i] = header.getInt();
      if (dims[i] < 0) throw new IOException(source + " has dimension " + i + " of size " + dims[i]);
      size *= dims[i];
    }
    long available = bytes.length - 4L - 4L * rank;
    if (available != size) {
      throw new IOException(source + " has dimensions " + Arrays.toString(dims) + ", which take " + size
          + " bytes, but " + available + " bytes of data follow");
    }
    return new Idx(dims, Arrays.copyOfRange(bytes, 4 + 4 * rank, bytes.length));
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
