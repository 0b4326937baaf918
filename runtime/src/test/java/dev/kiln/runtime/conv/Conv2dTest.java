package dev.kiln.runtime.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.runtime.activation.Activation;
import dev.kiln.runtime.kernel.KernelProvider;
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
 * Convolution forward and backward against PyTorch's {@code nn.Conv2d}, recorded by
 * {@code pytorch/conv2d_cases.py}: padding, stride, dilation, 1x1 kernels, odd sizes, no bias, and a
 * stride that leaves input uncovered.
 */
class Conv2dTest {
  private static final float TOLERANCE = 2e-5f;

  private static final List<String> WAYS = List.of("direct", "as chosen", "as chosen, a row at a time");

  /** Each case every way: direct, as the kernels chosen run it, and so with one example per slice. */
  static Stream<Arguments> cases() {
    try (InputStream in = Conv2dTest.class.getResourceAsStream("/pytorch/conv2d-cases.json")) {
      List<Arguments> cases = new ArrayList<>();
      new ObjectMapper().readTree(in).get("cases").forEach(c -> {
        for (String way : WAYS) cases.add(Arguments.of(c.get("name").asText() + ", " + way, c, way));
      });
      return cases.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Conv2d conv(JsonNode c, String way) {
    ConvGeometry g = new ConvGeometry(c.get("in").asInt(), c.get("height").asInt(), c.get("width").asInt(),
        c.get("out").asInt(), c.get("kernel").asInt(), c.get("stride").asInt(), c.get("padding").asInt(),
        c.get("dilation").asInt());
    return new Conv2d(g, switch (way) {
      case "direct" -> new DirectConvolution(g);
      case "as chosen" -> Conv2d.choose(g, KernelProvider.vectorized(), KernelProvider.threads(), 1 << 17);
      default -> Conv2d.choose(g, KernelProvider.vectorized(), KernelProvider.threads(), 1);
    });
  }

  /** The weight, then the bias if any, as a model's parameter array holds them. */
  private static float[] parameters(JsonNode c) {
    float[] weight = floats(c.get("weight"));
    float[] bias = floats(c.get("b"));
    float[] p = new float[weight.length + bias.length];
    System.arraycopy(weight, 0, p, 0, weight.length);
    System.arraycopy(bias, 0, p, weight.length, bias.length);
    return p;
  }

  private static int biasOffset(JsonNode c) {
    return c.get("bias").asBoolean() ? floats(c.get("weight")).length : -1;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theOutputSizesArePyTorchs(String name, JsonNode c, String way) {
    Conv2d conv = conv(c, way);
    assertEquals(c.get("out_height").asInt(), conv.outHeight());
    assertEquals(c.get("out_width").asInt(), conv.outWidth());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theForwardPassIsPyTorchs(String name, JsonNode c, String way) {
    Conv2d conv = conv(c, way);
    int rows = c.get("rows").asInt();
    float[] y = new float[rows * conv.outSize()];
    conv.forward(floats(c.get("x")), parameters(c), 0, biasOffset(c), y, y, rows, Activation.IDENTITY);
    assertArrayEquals(floats(c.get("y")), y, TOLERANCE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theInputGradientIsPyTorchs(String name, JsonNode c, String way) {
    Conv2d conv = conv(c, way);
    int rows = c.get("rows").asInt();
    float[] dx = new float[rows * conv.inSize()];
    conv.inputGradient(floats(c.get("dy")), parameters(c), 0, dx, rows);
    assertArrayEquals(floats(c.get("dx")), dx, TOLERANCE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theWeightAndBiasGradientsArePyTorchs(String name, JsonNode c, String way) {
    Conv2d conv = conv(c, way);
    float[] p = parameters(c);
    float[] g = new float[p.length];
    conv.parameterGradient(floats(c.get("dy")), floats(c.get("x")), g, 0, biasOffset(c), c.get("rows").asInt());
    float[] expected = new float[p.length];
    float[] dweight = floats(c.get("dweight"));
    float[] dbias = floats(c.get("dbias"));
    System.arraycopy(dweight, 0, expected, 0, dweight.length);
    System.arraycopy(dbias, 0, expected, dweight.length, dbias.length);
    assertArrayEquals(expected, g, 1e-4f);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void anActivationIsAppliedToTheOutputItWrites(String name, JsonNode c, String way) {
    Conv2d conv = conv(c, way);
    int rows = c.get("rows").asInt();
    float[] z = new float[rows * conv.outSize()];
    float[] y = new float[rows * conv.outSize()];
    conv.forward(floats(c.get("x")), parameters(c), 0, biasOffset(c), z, y, rows, Activation.RELU);
    float[] expected = floats(c.get("y"));
    assertArrayEquals(expected, z, TOLERANCE);
    for (int i = 0; i < expected.length; i++) expected[i] = Math.max(expected[i], 0f);
    assertArrayEquals(expected, y, TOLERANCE);
  }

  private static float[] floats(JsonNode node) {
    float[] values = new float[node.size()];
    for (int i = 0; i < values.length; i++) values[i] = (float) node.get(i).asDouble();
    return values;
  }
}
