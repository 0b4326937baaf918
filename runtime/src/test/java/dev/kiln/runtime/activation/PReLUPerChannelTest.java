package dev.kiln.runtime.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One PReLU slope per channel of feature maps, against what PyTorch's {@code nn.PReLU(num_parameters=C)}
 * gives on an NCHW batch (recorded by {@code pytorch/prelu_per_channel.py}).
 */
class PReLUPerChannelTest {
  private static final float TOLERANCE = 1e-6f;
  private static JsonNode torch;
  private static int rows;
  private static int cols;

  @BeforeAll
  static void readPyTorchsSide() throws IOException {
    try (InputStream in = PReLUPerChannelTest.class.getResourceAsStream("/pytorch/prelu-per-channel.json")) {
      torch = new ObjectMapper().readTree(in);
    }
    rows = torch.get("x").size();
    cols = torch.get("channels").asInt() * torch.get("height").asInt() * torch.get("width").asInt();
  }

  private static PReLU prelu(float[] parameters) {
    int spatial = torch.get("height").asInt() * torch.get("width").asInt();
    return new PReLU(parameters, 0, torch.get("channels").asInt(), spatial);
  }

  @Test
  void eachChannelUsesItsOwnSlopeAsPyTorchDoes() {
    float[] y = new float[rows * cols];
    prelu(floats(torch.get("slopes"))).forward(floats(torch.get("x")), y, rows, cols);
    assertArrayEquals(floats(torch.get("y")), y, TOLERANCE);
  }

  @Test
  void theInputGradientAndEachChannelsSlopeGradientAreAsPyTorchs() {
    float[] slopes = floats(torch.get("slopes"));
    float[] x = floats(torch.get("x"));
    float[] y = new float[rows * cols];
    float[] dy = floats(torch.get("dy"));
    PReLU prelu = prelu(slopes);
    prelu.forward(x, y, rows, cols);
    float[] grads = new float[slopes.length];
    prelu.slopeGradient(x, dy, grads, rows, cols);
    prelu.backward(x, y, dy, rows, cols);
    assertArrayEquals(floats(torch.get("dslopes")), grads, 1e-5f);
    assertArrayEquals(floats(torch.get("dx")), dy, TOLERANCE);
  }

  /** The numbers of a JSON array, nested or not, in order. */
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
