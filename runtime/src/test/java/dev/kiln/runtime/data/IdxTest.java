package dev.kiln.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
  /** Two 2x3 images with values 0..255, in IDX format. */
  private static final byte[] IMAGES = {0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3,
      0, 51, 102, (byte) 153, (byte) 204, (byte) 255, 1, 2, 3, 4, 5, 6};

  @TempDir Path dir;

  @Test
  void imagesAreReadAsRowsOfValuesScaledToTheUnitInterval() throws IOException {
    Path file = dir.resolve("images-idx3-ubyte");
    Files.write(file, IMAGES);
    Idx idx = Idx.read(file);
    assertArrayEquals(new int[] {2, 2, 3}, idx.dimensions());
    assertEquals(2, idx.count());
    assertEquals(6, idx.itemSize());
    float[] values = idx.scaledToUnit();
    assertEquals(0.2f, values[1], 1e-7);
    assertEquals(1f, values[5]);
  }

  @Test
  void aGzippedFileIsRecognisedByItsContent() throws IOException {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
      out.write(IMAGES);
    }
    Path file = dir.resolve("images.gz");
    Files.write(file, zipped.toByteArray());
    assertEquals(12, Idx.read(file).scaledToUnit().length);
  }

  @Test
  void labelsAreReadAsInts() throws IOException {
    Path file = dir.resolve("labels");
    Files.write(file, new byte[] {0, 0, 8, 1, 0, 0, 0, 3, 9, 0, (byte) 200});
    assertArrayEquals(new int[] {9, 0, 200}, Idx.read(file).asInts());
  }

  @Test
  void aFileShorterThanItsDimensionsSayIsRejected() throws IOException {
    Path file = dir.resolve("short");
    Files.write(file, new byte[] {0, 0, 8, 1, 0, 0, 0, 5, 1, 2});
    IOException e = assertThrows(IOException.class, () -> Idx.read(file));
    assertEquals(file + " has dimensions [5], which take 5 bytes, but 2 bytes of data follow", e.getMessage());
  }

  @Test
  void anotherFormatIsRejected() throws IOException {
    Path file = dir.resolve("csv");
    Files.writeString(file, "a,b\n1,2\n");
    IOException e = assertThrows(IOException.class, () -> Idx.read(file));
    assertEquals(file + " is not an IDX file; expected it to start with two zero bytes", e.getMessage());
  }

  @Test
  void floatDataIsRejectedNamingItsType() throws IOException {
    Path file = dir.resolve("floats");
    Files.write(file, new byte[] {0, 0, 0x0d, 1, 0, 0, 0, 0});
    IOException e = assertThrows(IOException.class, () -> Idx.read(file));
    assertEquals(file + " holds IDX type 0xd; expected 0x08 (unsigned bytes)", e.getMessage());
  }

  @Test
  void dimensionsOfMoreBytesThanAnArrayHoldsAreRejectedBeforeAnyIsRead() throws IOException {
    Path file = dir.resolve("huge");
    // 65536 x 65536 x 2 bytes, and two bytes of data.
    Files.write(file, new byte[] {0, 0, 8, 3, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2, 1, 2});
    IOException e = assertThrows(IOException.class, () -> Idx.read(file));
    assertEquals(file + " has dimensions [65536, 65536, 2], more bytes than one array holds; expected at most "
        + (Integer.MAX_VALUE - 8), e.getMessage());
  }

  @Test
  void aFileLongerThanItsDimensionsSayIsRejected() throws IOException {
    Path file = dir.resolve("long");
    Files.write(file, new byte[] {0, 0, 8, 1, 0, 0, 0, 2, 1, 2, 3});
    IOException e = assertThrows(IOException.class, () -> Idx.read(file));
    assertEquals(file + " has dimensions [2], which take 2 bytes, but 3 bytes of data follow", e.getMessage());
  }
}
