package dev.kiln.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.runtime.testing.Oracle;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved files carry a SHA-256 of their data in {@code __metadata__}, and loading checks it: a flipped bit
 * anywhere in a saved file is either refused with a clear error or, where it hits bytes that do not
 * matter, loads the very weights saved. Never different ones.
 */
class IntegrityTest {
  private static final StateDict NORM = StateDict.builder().add("w", 3, 2).add("b", 3)
      .addBuffer("running_mean", 3).addLongBuffer("num_batches_tracked").build();
  private static final float[] PARAMS = {0.5f, -1.25f, 3f, 1e-3f, -0f, 7.5f, 0.125f, -2f, 9f};
  private static final float[] BUFFERS = {0.1f, -0.2f, 0.3f};
  private static final long[] LONGS = {42};

  @TempDir Path dir;

  private Path saved() throws IOException {
    Path file = dir.resolve("model.safetensors");
    NORM.save(file, PARAMS, BUFFERS, LONGS);
    return file;
  }

  private static int dataStart(byte[] file) {
    return 8 + (int) ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
  }

  @Test
  void saveRecordsTheSha256OfTheData() throws IOException {
    byte[] file = Files.readAllBytes(saved());
    int start = dataStart(file);
    JsonNode header = new ObjectMapper().readTree(new String(file, 8, start - 8, StandardCharsets.UTF_8));
    assertEquals(SafetensorsFile.sha256(file, start, file.length - start),
        header.get("__metadata__").get("sha256").asText());
    assertEquals("pt", header.get("__metadata__").get("format").asText());
  }

  @Test
  void aFlippedBitInTheDataIsRefusedNamingBothDigests() throws IOException {
    Path file = saved();
    byte[] bytes = Files.readAllBytes(file);
    bytes[dataStart(bytes) + 5] ^= 0x10;
    Files.write(file, bytes);
    IOException e = assertThrows(IOException.class,
        () -> NORM.load(file, new float[9], new float[3], new long[1]));
    assertTrue(e.getMessage().contains("SHA-256 is ") && e.getMessage().contains("but the header records")
        && e.getMessage().endsWith("the file is corrupt"), e.getMessage());
  }

  @Test
  void aFileWithoutADigestLoadsAsPyTorchWroteIt() throws IOException {
    StateDict blobnet = StateDict.builder()
        .add("hidden.weight", 10, 2).add("hidden.bias", 10).add("out.weight", 2, 10).add("out.bias", 2).build();
    Path pytorch = Oracle.folder("safetensors").resolve("blobnet.safetensors");
    assertTrue(!new String(Files.readAllBytes(pytorch), StandardCharsets.UTF_8).contains("sha256"));
    float[] params = new float[blobnet.parameterCount()];
    blobnet.load(pytorch, params);
    assertNotNull(params);
  }

  @Test
  void aDigestThatIsNotHexIsRefused() throws IOException {
    Path file = saved();
    String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    int at = text.indexOf("\"sha256\":\"") + 10;
    byte[] bytes = Files.readAllBytes(file);
    bytes[at] = 'Z';
    Files.write(file, bytes);
    IOException e = assertThrows(IOException.class, () -> NORM.load(file, new float[9], new float[3], new long[1]));
    assertTrue(e.getMessage().contains("expected 64 lowercase hexadecimal digits"), e.getMessage());
  }

  @Test
  void everyByteFlippedInTurnIsRefusedOrLoadsTheSameWeights() throws IOException {
    byte[] original = Files.readAllBytes(saved());
    Path file = dir.resolve("flipped.safetensors");
    int refused = 0;
    int same = 0;
    for (int i = 0; i < original.length; i++) {
      for (int mask : new int[] {0x01, 0x80, 0xFF}) {
        byte[] bytes = original.clone();
        bytes[i] ^= (byte) mask;
        Files.write(file, bytes);
        float[] params = new float[9];
        float[] buffers = new float[3];
        long[] longs = new long[1];
        try {
          NORM.load(file, params, buffers, longs);
        } catch (IOException | IllegalArgumentException e) {
          assertTrue(e.getMessage() != null && e.getMessage().startsWith(file.toString()),
              "byte " + i + " ^ " + mask + ": " + e);
          refused++;
          continue;
        }
        String where = "byte " + i + " ^ " + mask + " loaded";
        assertArrayEquals(PARAMS, params, where);
        assertArrayEquals(BUFFERS, buffers, where);
        assertArrayEquals(LONGS, longs, where);
        same++;
      }
    }
    int dataBytes = original.length - dataStart(original);
    assertTrue(refused >= 3 * dataBytes, "every flip in the data is refused: " + refused + " refused");
    assertEquals(3 * original.length, refused + same);
  }
}
