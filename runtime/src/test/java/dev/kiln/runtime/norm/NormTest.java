package dev.kiln.runtime.norm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.runtime.activation.Activation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Batch and layer normalization against PyTorch's {@code nn.BatchNorm1d}, {@code nn.BatchNorm2d} and
 * {@code nn.LayerNorm}, recorded by {@code pytorch/norm_cases.py}: outputs, gradients and running
 * statistics over several training steps, then evaluation; without affine parameters, without running
 * statistics, with other eps and momentum.
 */
class NormTest {
  private static final float TOLERANCE = 2e-5f;

  static Stream<Arguments> cases() {
    try (InputStream in = NormTest.class.getResourceAsStream("/pytorch/norm-cases.json")) {
      List<Arguments> cases = new ArrayList<>();
      new ObjectMapper().readTree(in).get("cases").forEach(c -> cases.add(Arguments.of(c.get("name").asText(), c)));
      return cases.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyStepIsPyTorchs(String name, JsonNode c) {
    if (c.get("kind").asText().equals("layernorm")) {
      layerNorm(c);
    } else {
      batchNorm(c);
    }
  }

  private static void batchNorm(JsonNode c) {
    int channels = c.get("channels").asInt();
    int spread = c.get("height").asInt() * c.get("width").asInt();
    BatchNorm norm = new BatchNorm("@BatchNorm on bn()", channels, spread, (float) c.get("eps").asDouble(),
        (float) c.get("momentum").asDouble());
    boolean affine = c.get("affine").asBoolean();
    boolean track = c.get("track").asBoolean();
    // The parameters [weight, bias] and buffers [running_mean, running_var] as a model holds them, after a gap.
    float[] p = concat(new float[3], floats(c.get("weight")), floats(c.get("bias")));
    int wOff = affine ? 3 : -1;
    int bOff = affine ? 3 + channels : -1;
    float[] buffers = concat(new float[2], floats(c.get("running_mean")), floats(c.get("running_var")));
    int meanOff = track ? 2 : -1;
    int varOff = track ? 2 + channels : -1;
    long[] counts = new long[3];
    int step = 0;
    for (JsonNode s : c.get("steps")) {
      String at = "step " + ++step + " ";
      int rows = s.get("rows").asInt();
      float[] x = floats(s.get("x"));
      float[] y = new float[x.length];
      if (s.get("training").asBoolean()) {
        norm.forwardTraining(x, y, y, rows, Activation.IDENTITY, p, wOff, bOff, buffers, meanOff, varOff, counts, 1);
        assertClose(at + "y", floats(s.get("y")), y);
        float[] dx = new float[x.length];
        float[] g = new float[p.length];
        norm.backward(x, floats(s.get("dy")), dx, rows, p, wOff, g, wOff, bOff);
        assertClose(at + "dx", floats(s.get("dx")), dx);
        if (affine) {
          assertClose(at + "dweight", floats(s.get("dweight")), java.util.Arrays.copyOfRange(g, wOff, wOff + channels));
          assertClose(at + "dbias", floats(s.get("dbias")), java.util.Arrays.copyOfRange(g, bOff, bOff + channels));
        }
      } else {
        norm.forwardInference(x, y, y, rows, Activation.IDENTITY, p, wOff, bOff, buffers, meanOff, varOff);
        assertClose(at + "y", floats(s.get("y")), y);
      }
      if (track) {
        assertClose(at + "running_mean", floats(s.get("running_mean")),
            java.util.Arrays.copyOfRange(buffers, meanOff, meanOff + channels));
        assertClose(at + "running_var", floats(s.get("running_var")),
            java.util.Arrays.copyOfRange(buffers, varOff, varOff + channels));
        assertEquals(s.get("num_batches_tracked").asLong(), counts[1], at + "num_batches_tracked");
      }
    }
  }

  private static void layerNorm(JsonNode c) {
    int size = 1;
    for (JsonNode d : c.get("shape")) size *= d.asInt();
    LayerNorm norm = new LayerNorm(size, (float) c.get("eps").asDouble());
    boolean affine = c.get("affine").asBoolean();
    float[] p = concat(new float[1], floats(c.get("weight")), floats(c.get("bias")));
    int wOff = affine ? 1 : -1;
    int bOff = affine ? 1 + size : -1;
    JsonNode s = c.get("steps").get(0);
    int rows = s.get("rows").asInt();
    float[] x = floats(s.get("x"));
    float[] y = new float[x.length];
    norm.forward(x, y, y, rows, Activation.IDENTITY, p, wOff, bOff);
    assertClose("y", floats(s.get("y")), y);
    float[] dx = new float[x.length];
    float[] g = new float[p.length];
    norm.backward(x, floats(s.get("dy")), dx, rows, p, wOff, g, wOff, bOff);
    assertClose("dx", floats(s.get("dx")), dx);
    if (affine) {
      assertClose("dweight", floats(s.get("dweight")), java.util.Arrays.copyOfRange(g, wOff, wOff + size));
      assertClose("dbias", floats(s.get("dbias")), java.util.Arrays.copyOfRange(g, bOff, bOff + size));
    }
  }

  @Test
  void trainingOnOneValuePerChannelIsRefusedNamingTheLayerAndTheRows() {
    BatchNorm norm = new BatchNorm("@BatchNorm2d on bn()", 2, 1, 1e-5f, 0.1f);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> norm.forwardTraining(new float[2], new float[2], new float[2], 1, Activation.IDENTITY, new float[4], 0, 2,
            new float[4], 0, 2,
            new long[1], 0));
    assertEquals("@BatchNorm2d on bn() needs more than 1 value per channel to train, got 1 row of 2 x 1 values;"
        + " train with batches of 2 or more rows", e.getMessage());
  }

  @Test
  void theBackwardPassMayWriteOverItsOutputGradient() {
    BatchNorm norm = new BatchNorm("@BatchNorm1d on bn()", 3, 1, 1e-5f, 0.1f);
    float[] x = {0.5f, -1f, 2f, 1.5f, 0f, -0.5f, 3f, 1f, 1f};
    float[] p = {1.2f, 0.8f, 1f, 0.1f, -0.2f, 0f};
    norm.forwardTraining(x, new float[9], new float[9], 3, Activation.IDENTITY, p, 0, 3, null, -1, -1, null, -1);
    float[] dy = {0.3f, -0.1f, 0.2f, 0.5f, 0.4f, -0.3f, -0.2f, 0.1f, 0.6f};
    float[] apart = new float[9];
    norm.backward(x, dy, apart, 3, p, 0, new float[6], 0, 3);
    norm.backward(x, dy, dy, 3, p, 0, new float[6], 0, 3);
    assertClose("dx in place", apart, dy);
  }

  private static void assertClose(String what, float[] expected, float[] actual) {
    assertEquals(expected.length, actual.length, what + " length");
    for (int i = 0; i < expected.length; i++) {
      int at = i;
      assertTrue(Math.abs(expected[i] - actual[i]) <= TOLERANCE * Math.max(1f, Math.abs(expected[i])),
          () -> what + " differs at " + at + ": expected " + expected[at] + " but was " + actual[at]);
    }
  }

  private static float[] concat(float[]... parts) {
    int n = 0;
    for (float[] part : parts) n += part.length;
    float[] all = new float[n];
    int at = 0;
    for (float[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  /** The values of a JSON number or nested lists of numbers, flattened in order. */
  private static float[] floats(JsonNode node) {
    List<Float> values = new ArrayList<>();
    collect(node, values);
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) out[i] = values.get(i);
    return out;
  }

  private static void collect(JsonNode node, List<Float> values) {
    if (node.isArray()) {
      node.forEach(n -> collect(n, values));
    } else {
      values.add((float) node.asDouble());
    }
  }
}
