package dev.kiln.runtime.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.runtime.activation.Activation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Max and average pooling against PyTorch's {@code nn.MaxPool2d} and {@code nn.AvgPool2d}, recorded by
 * {@code pytorch/pool2d_cases.py}: padding, ceil mode, dilation, {@code countIncludePad} both ways, a
 * global pool, and ties, where the gradient goes to the first maximum.
 */
class Pool2dTest {
  private static final float TOLERANCE = 1e-5f;

  static Stream<Arguments> cases() {
    try (InputStream in = Pool2dTest.class.getResourceAsStream("/pytorch/pool2d-cases.json")) {
      List<Arguments> cases = new ArrayList<>();
      new ObjectMapper().readTree(in).get("cases").forEach(c -> cases.add(Arguments.of(c.get("name").asText(), c)));
      return cases.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Forward then backward through the case's pool: [y, dx]. */
  private static float[][] run(JsonNode c) {
    int rows = c.get("rows").asInt();
    int channels = c.get("channels").asInt();
    int height = c.get("height").asInt();
    int width = c.get("width").asInt();
    float[] x = floats(c.get("x"));
    float[] dx = new float[x.length];
    if (c.get("kind").asText().equals("max")) {
      MaxPool2d pool = new MaxPool2d(channels, height, width, c.get("kernel").asInt(), c.get("stride").asInt(),
          c.get("padding").asInt(), c.get("dilation").asInt(), c.get("ceil").asBoolean());
      float[] y = new float[rows * pool.outSize()];
      int[] argmax = new int[y.length];
      pool.forward(x, y, y, argmax, rows, Activation.IDENTITY);
      pool.inputGradient(floats(c.get("dy")), argmax, dx, rows);
      assertEquals(c.get("out_height").asInt() * c.get("out_width").asInt() * channels, pool.outSize());
      return new float[][] {y, dx};
    }
    AvgPool2d pool = new AvgPool2d(channels, height, width, c.get("kernel").asInt(), c.get("stride").asInt(),
        c.get("padding").asInt(), c.get("ceil").asBoolean(), c.get("count_include_pad").asBoolean());
    float[] y = new float[rows * pool.outSize()];
    pool.forward(x, y, y, rows, Activation.IDENTITY);
    pool.inputGradient(floats(c.get("dy")), dx, rows);
    assertEquals(c.get("out_height").asInt() * c.get("out_width").asInt() * channels, pool.outSize());
    return new float[][] {y, dx};
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theOutputIsPyTorchs(String name, JsonNode c) {
    assertArrayEquals(floats(c.get("y")), run(c)[0], TOLERANCE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theInputGradientIsPyTorchs(String name, JsonNode c) {
    assertArrayEquals(floats(c.get("dx")), run(c)[1], TOLERANCE);
  }

  private static float[] floats(JsonNode node) {
    float[] values = new float[node.size()];
    for (int i = 0; i < values.length; i++) values[i] = (float) node.get(i).asDouble();
    return values;
  }
}
