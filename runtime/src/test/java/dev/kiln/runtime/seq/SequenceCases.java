package dev.kiln.runtime.seq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The cases {@code pytorch/seq_cases.py} recorded from PyTorch, by kind. */
final class SequenceCases {
  private SequenceCases() {}

  static Stream<Arguments> of(String kind) {
    try (InputStream in = SequenceCases.class.getResourceAsStream("/pytorch/seq-cases.json")) {
      List<Arguments> cases = new ArrayList<>();
      new ObjectMapper().readTree(in).get("cases").forEach(c -> {
        if (c.get("kind").asText().equals(kind)) cases.add(Arguments.of(c.get("name").asText(), c));
      });
      return cases.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static float[] floats(JsonNode array) {
    float[] values = new float[array.size()];
    for (int i = 0; i < values.length; i++) values[i] = (float) array.get(i).asDouble();
    return values;
  }

  static boolean[] padding(JsonNode c) {
    JsonNode array = c.get("padding");
    boolean[] mask = new boolean[array.size()];
    for (int i = 0; i < mask.length; i++) mask[i] = array.get(i).asInt() != 0;
    return mask;
  }

  /** {@code values} placed after {@code gap} other values, as a model's parameter array holds a layer's. */
  static float[] after(int gap, float[] values) {
    float[] placed = new float[gap + values.length];
    System.arraycopy(values, 0, placed, gap, values.length);
    return placed;
  }
}
