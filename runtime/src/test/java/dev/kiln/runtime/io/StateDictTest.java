package dev.kiln.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.runtime.testing.Oracle;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDictTest {
  /** The blobs network's state dict, as a model of it lays its parameters out. */
  private static final StateDict BLOBNET = StateDict.builder()
      .add("hidden.weight", 10, 2).add("hidden.bias", 10).add("out.weight", 2, 10).add("out.bias", 2).build();
  private static final StateDict SMALL = StateDict.builder().add("w", 2, 3).add("b", 2).build();

  @TempDir Path dir;

  @Test
  void tensorsFollowEachOtherInTheParameterArray() {
    assertEquals(52, BLOBNET.parameterCount());
    assertEquals(20, BLOBNET.tensors().get(1).offset());
    assertEquals(30, BLOBNET.tensors().get(2).offset());
  }

  @Test
  void whatIsSavedLoadsBackExactly() throws IOException {
    float[] params = {1f, -2f, 3.5f, Float.MIN_VALUE, -0f, 1e30f, 0.25f, -7f};
    Path file = dir.resolve("small.safetensors");
    SMALL.save(file, params);
    float[] loaded = new float[8];
    SMALL.load(file, loaded);
    assertArrayEquals(params, loaded);
  }

  @Test
  void aFileWrittenByPyTorchLoadsWithTheTensorsOfItsJsonTwin() throws IOException {
    JsonNode twin = Oracle.get("safetensors", "blobnet");
    float[] params = new float[BLOBNET.parameterCount()];
    BLOBNET.load(Oracle.folder("safetensors").resolve("blobnet.safetensors"), params);
    for (TensorSpec spec : BLOBNET.tensors()) {
      float[] expected = Oracle.floats(twin.get("tensors").get(spec.name()).get("data"));
      float[] actual = java.util.Arrays.copyOfRange(params, spec.offset(), spec.offset() + spec.size());
      assertArrayEquals(expected, actual, spec.name());
    }
  }

  @Test
  void theSavedHeaderIsPaddedSoTheDataIsAligned() throws IOException {
    Path file = dir.resolve("aligned.safetensors");
    SMALL.save(file, new float[8]);
    byte[] bytes = Files.readAllBytes(file);
    long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertEquals(0, headerLength % 8);
    assertEquals(8 + headerLength + 8 * 4, bytes.length);
  }

  @Test
  void savingReplacesTheOldFileAndLeavesNoTemporaryFileBehind() throws IOException {
    Path file = dir.resolve("model.safetensors");
    SMALL.save(file, new float[8]);
    SMALL.save(file, new float[] {1, 1, 1, 1, 1, 1, 1, 1});
    float[] loaded = new float[8];
    SMALL.load(file, loaded);
    assertEquals(1f, loaded[7]);
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(1, files.count(), "only the saved file remains");
    }
  }

  @Test
  void aFailedSaveLeavesTheOldFileAsItWas() throws IOException {
    Path file = dir.resolve("model.safetensors");
    SMALL.save(file, new float[] {1, 2, 3, 4, 5, 6, 7, 8});
    byte[] before = Files.readAllBytes(file);
    assertThrows(IllegalArgumentException.class, () -> SMALL.save(file, new float[3]));
    assertArrayEquals(before, Files.readAllBytes(file));
  }

  @Test
  void aMissingTensorIsNamed() throws IOException {
    Path file = dir.resolve("w-only.safetensors");
    StateDict.builder().add("w", 2, 3).build().save(file, new float[6]);
    IOException e = assertThrows(IOException.class, () -> SMALL.load(file, new float[8]));
    assertTrue(e.getMessage().endsWith("missing tensors [b]; expected exactly [w, b]"), e.getMessage());
  }

  @Test
  void anExtraTensorIsNamed() throws IOException {
    Path file = dir.resolve("extra.safetensors");
    StateDict.builder().add("w", 2, 3).add("b", 2).add("c", 1).build().save(file, new float[9]);
    IOException e = assertThrows(IOException.class, () -> SMALL.load(file, new float[8]));
    assertTrue(e.getMessage().endsWith("unexpected tensors [c]; expected exactly [w, b]"), e.getMessage());
  }

  @Test
  void aWrongShapeIsNamedWithTheExpectedOne() throws IOException {
    Path file = dir.resolve("transposed.safetensors");
    StateDict.builder().add("w", 3, 2).add("b", 2).build().save(file, new float[8]);
    IOException e = assertThrows(IOException.class, () -> SMALL.load(file, new float[8]));
    assertTrue(e.getMessage().endsWith("tensor w has shape [3, 2]; expected [2, 3]"), e.getMessage());
  }

  @Test
  void aWrongDtypeIsNamed() throws IOException {
    Path file = write("{\"w\":{\"dtype\":\"F64\",\"shape\":[2,3],\"data_offsets\":[0,48]},"
        + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[48,56]}}", 56);
    IOException e = assertThrows(IOException.class, () -> SMALL.load(file, new float[8]));
    assertTrue(e.getMessage().endsWith("tensor w has dtype F64; expected F32"), e.getMessage());
  }

  @Test
  void offsetsPastTheEndOfTheDataAreRejected() throws IOException {
    Path file = write("{\"w\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]},"
        + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[24,64]}}", 32);
    IOException e = assertThrows(IOException.class, () -> SMALL.load(file, new float[8]));
    assertTrue(e.getMessage().contains("tensor b has data_offsets [24, 64]; expected [begin, end] with"
        + " 0 <= begin <= end <= 32"), e.getMessage());
  }

  @Test
  void aShapeThatDisagreesWithTheOffsetsIsRejected() throws IOException {
    Path file = write("{\"w\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,20]},"
        + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[20,28]}}", 32);
    IOException e = assertThrows(IOException.class, () -> SMALL.load(file, new float[8]));
    assertTrue(e.getMessage().contains("tensor w has shape [2, 3] and dtype F32, which take 24 bytes, but its"
        + " data_offsets [0, 20] span 20"), e.getMessage());
  }

  @Test
  void overlappingTensorsAreRejected() throws IOException {
    Path file = write("{\"w\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]},"
        + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[16,24]}}", 32);
    IOException e = assertThrows(IOException.class, () -> SMALL.load(file, new float[8]));
    assertTrue(e.getMessage().contains("the data of tensors w and b overlap"), e.getMessage());
  }

  @Test
  void aHeaderLengthLargerThanTheFileIsRejected() throws IOException {
    Path file = dir.resolve("lying.safetensors");
    ByteBuffer bytes = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1000);
    Files.write(file, bytes.array());
    IOException e = assertThrows(IOException.class, () -> SMALL.load(file, new float[8]));
    assertTrue(e.getMessage().contains("header length 1000 is invalid; expected a value in [1, 8]"), e.getMessage());
  }

  @Test
  void aTruncatedFileIsRejected() throws IOException {
    Path file = dir.resolve("short.safetensors");
    Files.write(file, new byte[] {1, 2, 3});
    IOException e = assertThrows(IOException.class, () -> SMALL.load(file, new float[8]));
    assertTrue(e.getMessage().contains("3 bytes is too short for a safetensors file"), e.getMessage());
  }

  @Test
  void aHeaderThatIsNotJsonIsRejected() throws IOException {
    Path file = write("{\"w\": [1, 2", 0);
    IOException e = assertThrows(IOException.class, () -> SMALL.load(file, new float[8]));
    assertTrue(e.getMessage().contains("header is not valid JSON") || e.getMessage().contains("tensor w is an array"),
        e.getMessage());
  }

  @Test
  void aFailedLoadLeavesTheParametersAsTheyWere() throws IOException {
    Path file = write("{\"w\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]},"
        + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[16,24]}}", 32);
    float[] params = {9, 9, 9, 9, 9, 9, 9, 9};
    assertThrows(IOException.class, () -> SMALL.load(file, params));
    assertArrayEquals(new float[] {9, 9, 9, 9, 9, 9, 9, 9}, params);
  }

  /** A safetensors file with {@code header} (padded) and {@code dataLength} zero bytes of data. */
  private Path write(String header, int dataLength) throws IOException {
    byte[] json = header.getBytes(StandardCharsets.UTF_8);
    int padded = (json.length + 7) / 8 * 8;
    ByteBuffer bytes = ByteBuffer.allocate(8 + padded + dataLength).order(ByteOrder.LITTLE_ENDIAN);
    bytes.putLong(padded).put(json);
    for (int i = json.length; i < padded; i++) bytes.put((byte) ' ');
    Path file = dir.resolve("handmade.safetensors");
    Files.write(file, bytes.array());
    return file;
  }

  /** A batch norm's state dict: two parameters, two F32 buffers and PyTorch's I64 batch counter. */
  private static final StateDict NORM = StateDict.builder()
      .add("bn.weight", 3).add("bn.bias", 3)
      .addBuffer("bn.running_mean", 3).addBuffer("bn.running_var", 3).addLongBuffer("bn.num_batches_tracked")
      .build();

  @Test
  void buffersLiveInArraysOfTheirOwnBesideTheParameters() {
    assertEquals(6, NORM.parameterCount());
    assertEquals(6, NORM.bufferCount());
    assertEquals(1, NORM.longBufferCount());
    assertEquals("[bn.weight[3]@0, bn.bias[3]@3, bn.running_mean[3]@0 (F32 buffer), bn.running_var[3]@3 (F32 buffer),"
        + " bn.num_batches_tracked[]@0 (I64 buffer)]", NORM.tensors().toString());
  }

  @Test
  void parametersBuffersAndI64BuffersLoadBackExactly() throws IOException {
    float[] params = {1f, 2f, 3f, -1f, -2f, -3f};
    float[] buffers = {0.5f, 0.25f, 0.125f, 1f, 2f, 4f};
    long[] counters = {Long.MAX_VALUE - 1};
    Path file = dir.resolve("norm.safetensors");
    NORM.save(file, params, buffers, counters);
    float[] loadedParams = new float[6];
    float[] loadedBuffers = new float[6];
    long[] loadedCounters = new long[1];
    NORM.load(file, loadedParams, loadedBuffers, loadedCounters);
    assertArrayEquals(params, loadedParams);
    assertArrayEquals(buffers, loadedBuffers);
    assertArrayEquals(counters, loadedCounters);
  }

  @Test
  void anI64BufferSavedAsF32IsRefusedNamingItsDtype() throws IOException {
    StateDict asFloats = StateDict.builder().add("bn.weight", 3).add("bn.bias", 3)
        .addBuffer("bn.running_mean", 3).addBuffer("bn.running_var", 3).addBuffer("bn.num_batches_tracked").build();
    Path file = dir.resolve("wrong.safetensors");
    asFloats.save(file, new float[6], new float[7], new long[0]);
    IOException e = assertThrows(IOException.class,
        () -> NORM.load(file, new float[6], new float[6], new long[1]));
    assertTrue(e.getMessage().endsWith("tensor bn.num_batches_tracked has dtype F32; expected I64"), e.getMessage());
  }

  @Test
  void aModelWithBuffersCannotBeSavedWithoutThem() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NORM.save(dir.resolve("norm.safetensors"), new float[6]));
    assertTrue(e.getMessage().startsWith("the buffer array has 0 values; expected 6"), e.getMessage());
  }
}
