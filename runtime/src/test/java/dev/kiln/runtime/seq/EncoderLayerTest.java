package dev.kiln.runtime.seq;

import static dev.kiln.runtime.seq.SequenceAssertions.close;
import static dev.kiln.runtime.seq.SequenceCases.after;
import static dev.kiln.runtime.seq.SequenceCases.floats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.runtime.activation.Activation;
import dev.kiln.runtime.kernel.KernelProvider;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The encoder layer against PyTorch's {@code nn.TransformerEncoderLayer(batch_first=True)} with a padding
 * mask: post-norm with ReLU, pre-norm with GELU, causal; output, input gradient and the gradients of all
 * twelve tensors.
 */
class EncoderLayerTest {
  private static final int GAP = 5;

  static Stream<Arguments> cases() {
    return SequenceCases.of("encoder");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void forwardAndBackwardArePyTorchs(String name, JsonNode c) {
    int rows = c.get("rows").asInt();
    int length = c.get("length").asInt();
    int dim = c.get("dim").asInt();
    JsonNode options = c.get("options");
    Activation activation = options.get("activation").asText().equals("gelu") ? Activation.gelu()
        : Activation.RELU;
    EncoderLayer layer = new EncoderLayer(length, dim, options.get("heads").asInt(),
        options.get("feedforward").asInt(), 0f, activation, options.get("norm_first").asBoolean(),
        (float) options.get("eps").asDouble(), c.get("causal").asBoolean(), KernelProvider.linear());
    float[] p = after(GAP, floats(c.get("parameters")));
    float[] x = floats(c.get("x"));
    boolean[] padding = SequenceCases.padding(c);
    float[] y = new float[x.length];
    layer.forward(x, p, GAP, padding, y, rows, null);
    close("y", floats(c.get("y")), y, 0, SelfAttentionTest.TOLERANCE);

    float[] g = new float[p.length];
    float[] dx = new float[x.length];
    layer.backward(x, floats(c.get("dy")), dx, p, GAP, g, rows, padding);
    close("dx", floats(c.get("dx")), dx, 0, SelfAttentionTest.TOLERANCE);
    close("gradients", floats(c.get("gradients")), g, GAP, SelfAttentionTest.TOLERANCE);
  }
}
