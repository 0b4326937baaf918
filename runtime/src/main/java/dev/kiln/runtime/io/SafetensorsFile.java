package dev.kiln.runtime.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safetensors format: an 8-byte little-endian header length, a JSON header naming each tensor's
 * dtype, shape and [begin, end) byte range in the data that follows, then the data. Reading checks
 * every claim the header makes against the bytes actually there.
 */
final class SafetensorsFile {
  private static final JsonFactory JSON = new JsonFactory();
  private static final String METADATA = "__metadata__";
  /** The {@code __metadata__} key of the data section's SHA-256, which Kiln writes and checks when present. */
  static final String DIGEST = "sha256";
  /** A header larger than this is not a safetensors header (the reference implementation uses 100 MB). */
  private static final long MAX_HEADER = 100L * 1024 * 1024;

  private SafetensorsFile() {}

  /** Parses and checks the header of {@code bytes}; {@code source} names the file in messages. */
  static Map<String, SafetensorsEntry> parse(byte[] bytes, String source) throws IOException {
    return parse(bytes, source, new LinkedHashMap<>());
  }

  /** {@link #parse(byte[], String)}, also putting the header's {@code __metadata__} into {@code metadata}. */
  static Map<String, SafetensorsEntry> parse(byte[] bytes, String source, Map<String, String> metadata)
      throws IOException {
    if (bytes.length < 8) {
      throw new IOException(source + ": " + bytes.length + " bytes is too short for a safetensors file;"
          + " expected at least the 8-byte header length");
    }
    long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    if (headerLength <= 0 || headerLength > MAX_HEADER || headerLength > bytes.length - 8) {
      throw new IOException(source + ": header length " + headerLength + " is invalid; expected a value in [1, "
          + Math.min(MAX_HEADER, bytes.length - 8L) + "] for a file of " + bytes.length + " bytes");
    }
    long dataStart = 8 + headerLength;
    long dataLength = bytes.length - dataStart;
    Map<String, SafetensorsEntry> entries = new LinkedHashMap<>();
    String recordedDigest = null;
    try (JsonParser parser = JSON.createParser(utf8(bytes, (int) headerLength, source))) {
      expect(parser.nextToken(), JsonToken.START_OBJECT, source, "the header");
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        if (name.equals(METADATA)) {
          readMetadata(parser, source, metadata);
          recordedDigest = metadata.get(DIGEST);
          continue;
        }
        if (entries.containsKey(name)) {
          throw new IOException(source + ": tensor " + name + " appears twice in the header");
        }
        SafetensorsEntry entry = readEntry(parser, name, source, dataStart, dataLength);
        entries.put(name, entry);
      }
    } catch (JsonProcessingException e) {
      throw new IOException(source + ": the header is not valid JSON: " + e.getOriginalMessage(), e);
    }
    checkNoOverlap(entries.values(), source);
    if (recordedDigest != null) {
      String actual = sha256(bytes, (int) dataStart, (int) dataLength);
      if (!actual.equals(recordedDigest)) {
        throw new IOException(source + ": the data's SHA-256 is " + actual + " but the header records "
            + recordedDigest + "; the file is corrupt");
      }
    }
    return entries;
  }

  /**
   * The header as text, decoded strictly as UTF-8, which the format prescribes: the JSON parser on its
   * own would guess another encoding from the first bytes.
   */
  private static String utf8(byte[] bytes, int headerLength, String source) throws IOException {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 8, headerLength)).toString();
    } catch (CharacterCodingException e) {
      throw new IOException(source + ": the header is not valid UTF-8 text; expected UTF-8 JSON", e);
    }
  }

  /**
   * The entries of {@code __metadata__}, a map of strings to strings; its {@code sha256}, where there is
   * one, must be lowercase hex.
   */
  private static void readMetadata(JsonParser parser, String source, Map<String, String> metadata)
      throws IOException {
    expect(parser.currentToken(), JsonToken.START_OBJECT, source, METADATA);
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      JsonToken value = parser.nextToken();
      expect(value, JsonToken.VALUE_STRING, source, METADATA + " entry " + key);
      String text = parser.getText();
      if (key.equals(DIGEST) && !text.matches("[0-9a-f]{64}")) {
        throw new IOException(source + ": " + METADATA + " " + DIGEST + " is '" + text
            + "'; expected 64 lowercase hexadecimal digits");
      }
      metadata.put(key, text);
    }
  }

  /** The SHA-256 of {@code length} bytes from {@code offset}, as lowercase hex. */
  static String sha256(byte[] bytes, int offset, int length) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(bytes, offset, length);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static SafetensorsEntry readEntry(JsonParser parser, String name, String source, long dataStart,
      long dataLength) throws IOException {
    expect(parser.currentToken(), JsonToken.START_OBJECT, source, "tensor " + name);
    String dtype = null;
    long[] shape = null;
    long[] offsets = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "dtype" -> {
          expect(value, JsonToken.VALUE_STRING, source, "tensor " + name + " dtype");
          dtype = parser.getText();
        }
        case "shape" -> shape = readLongs(parser, source, "tensor " + name + " shape");
        case "data_offsets" -> offsets = readLongs(parser, source, "tensor " + name + " data_offsets");
        default -> parser.skipChildren();
      }
    }
    if (dtype == null || shape == null || offsets == null) {
      throw new IOException(source + ": tensor " + name + " lacks " + (dtype == null ? "dtype"
          : shape == null ? "shape" : "data_offsets") + "; expected dtype, shape and data_offsets");
    }
    if (offsets.length != 2 || offsets[0] < 0 || offsets[1] < offsets[0] || offsets[1] > dataLength) {
      throw new IOException(source + ": tensor " + name + " has data_offsets " + Arrays.toString(offsets)
          + "; expected [begin, end] with 0 <= begin <= end <= " + dataLength + " (the data's length)");
    }
    long elements = 1;
    int width = dtypeWidth(dtype);
    try {
      for (long d : shape) {
        if (d < 0) {
          throw new IOException(source + ": tensor " + name + " has shape " + Arrays.toString(shape)
              + "; expected sizes >= 0");
        }
        elements = Math.multiplyExact(elements, d);
      }
      if (width > 0) Math.multiplyExact(elements, width);
    } catch (ArithmeticException e) {
      throw new IOException(source + ": tensor " + name + " has shape " + Arrays.toString(shape)
          + ", more values than any file holds; expected at most the " + dataLength + " bytes of the data");
    }
    if (width > 0 && elements * width != offsets[1] - offsets[0]) {
      throw new IOException(source + ": tensor " + name + " has shape " + Arrays.toString(shape) + " and dtype "
          + dtype + ", which take " + elements * width + " bytes, but its data_offsets "
          + Arrays.toString(offsets) + " span " + (offsets[1] - offsets[0]));
    }
    return new SafetensorsEntry(name, dtype, shape, dataStart + offsets[0], dataStart + offsets[1]);
  }

  private static void checkNoOverlap(Iterable<SafetensorsEntry> entries, String source) throws IOException {
    List<SafetensorsEntry> sorted = new ArrayList<>();
    entries.forEach(sorted::add);
    sorted.sort(Comparator.comparingLong(SafetensorsEntry::begin));
    for (int i = 1; i < sorted.size(); i++) {
      SafetensorsEntry before = sorted.get(i - 1);
      SafetensorsEntry after = sorted.get(i);
      if (after.begin() < before.end()) {
        throw new IOException(source + ": the data of tensors " + before.name() + " and " + after.name()
            + " overlap; expected each tensor to have bytes of its own");
      }
    }
  }

  /**
   * Writes a header and data for {@code specs}, taking each tensor's values from the array of its kind:
   * {@code params} for parameters, {@code buffers} for F32 buffers, {@code longBuffers} for I64 ones.
   */
  static byte[] encode(List<TensorSpec> specs, float[] params, float[] buffers, long[] longBuffers)
      throws IOException {
    return encode(specs, params, buffers, longBuffers, Map.of());
  }

  /** {@link #encode(List, float[], float[], long[])} with more {@code __metadata__} entries. */
  static byte[] encode(List<TensorSpec> specs, float[] params, float[] buffers, long[] longBuffers,
      Map<String, String> metadata) throws IOException {
    byte[] data = data(specs, params, buffers, longBuffers);
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    long offset = 0;
    try (JsonGenerator json = JSON.createGenerator(header, JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeObjectFieldStart(METADATA);
      json.writeStringField("format", "pt");
      for (Map.Entry<String, String> entry : metadata.entrySet()) json.writeStringField(entry.getKey(), entry.getValue());
      json.writeStringField(DIGEST, sha256(data, 0, data.length));
      json.writeEndObject();
      for (TensorSpec spec : specs) {
        long bytes = (long) dtypeWidth(spec.dtype().name()) * spec.size();
        json.writeObjectFieldStart(spec.name());
        json.writeStringField("dtype", spec.dtype().name());
        json.writeArrayFieldStart("shape");
        for (int d : spec.shape()) json.writeNumber(d);
        json.writeEndArray();
        json.writeArrayFieldStart("data_offsets");
        json.writeNumber(offset);
        json.writeNumber(offset + bytes);
        json.writeEndArray();
        json.writeEndObject();
        offset += bytes;
      }
      json.writeEndObject();
    }
    // The format pads the header with spaces so the data starts 8-byte aligned.
    while (header.size() % 8 != 0) header.write(' ');
    ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(8 + header.size() + offset)).order(ByteOrder.LITTLE_ENDIAN);
    out.putLong(header.size());
    out.put(header.toByteArray());
    out.put(data);
    return out.array();
  }

  /** The tensors' values, little-endian, in the order of {@code specs}. */
  private static byte[] data(List<TensorSpec> specs, float[] params, float[] buffers, long[] longBuffers) {
    long size = 0;
    for (TensorSpec spec : specs) size += (long) dtypeWidth(spec.dtype().name()) * spec.size();
    ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(size)).order(ByteOrder.LITTLE_ENDIAN);
    for (TensorSpec spec : specs) {
      if (spec.dtype() == TensorSpec.DType.I64) {
        for (int i = 0; i < spec.size(); i++) out.putLong(longBuffers[spec.offset() + i]);
      } else {
        float[] values = spec.trainable() ? params : buffers;
        for (int i = 0; i < spec.size(); i++) out.putFloat(values[spec.offset() + i]);
      }
    }
    return out.array();
  }

  static int dtypeWidth(String dtype) {
    return switch (dtype) {
      case "F64", "I64", "U64" -> 8;
      case "F32", "I32", "U32" -> 4;
      case "F16", "BF16", "I16", "U16" -> 2;
      case "I8", "U8", "BOOL", "F8_E4M3", "F8_E5M2" -> 1;
      default -> -1;
    };
  }

  private static long[] readLongs(JsonParser parser, String source, String what) throws IOException {
    expect(parser.currentToken(), JsonToken.START_ARRAY, source, what);
    List<Long> values = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      expect(parser.currentToken(), JsonToken.VALUE_NUMBER_INT, source, what);
      values.add(parser.getLongValue());
    }
    return values.stream().mapToLong(Long::longValue).toArray();
  }

  private static void expect(JsonToken actual, JsonToken expected, String source, String what)
      throws IOException {
    if (actual != expected) {
      throw new IOException(source + ": " + what + " is " + describe(actual) + "; expected " + describe(expected));
    }
  }

  private static String describe(JsonToken token) {
    if (token == null) return "missing";
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT -> "an integer";
      default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
    };
  }
}
