package dev.kiln.runtime.seq;

import static dev.kiln.runtime.seq.SequenceAssertions.close;
import static dev.kiln.runtime.seq.SequenceCases.after;
import static dev.kiln.runtime.seq.SequenceCases.floats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.runtime.kernel.KernelProvider;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Self-attention against PyTorch's {@code nn.MultiheadAttention(batch_first=True)} called as
 * {@code attn(x, x, x, key_padding_mask, attn_mask)}: output, input gradient and every parameter's
 * gradient, with padding, causal masks and without biases.
 */
class SelfAttentionTest {
  static final float TOLERANCE = 2e-5f;
  private static final int GAP = 7;

  static Stream<Arguments> cases() {
    return SequenceCases.of("attention");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void forwardAndBackwardArePyTorchs(String name, JsonNode c) {
    int rows = c.get("rows").asInt();
    int length = c.get("length").asInt();
    int dim = c.get("dim").asInt();
    boolean bias = c.get("options").get("bias").asBoolean();
    SelfAttention attention = new SelfAttention(length, dim, c.get("options").get("heads").asInt(), bias,
        c.get("causal").asBoolean(), 0f, KernelProvider.linear());
    float[] p = after(GAP, floats(c.get("parameters")));
    float[] x = floats(c.get("x"));
    boolean[] padding = SequenceCases.padding(c);
    float[] y = new float[x.length];
    attention.forward(x, p, GAP, padding, y, rows, null);
    close("y", floats(c.get("y")), y, 0, TOLERANCE);

    float[] g = new float[p.length];
    float[] dx = new float[x.length];
    attention.backward(x, floats(c.get("dy")), dx, p, GAP, g, rows, padding);
    close("dx", floats(c.get("dx")), dx, 0, TOLERANCE);
    close("gradients", floats(c.get("gradients")), g, GAP, TOLERANCE);
  }
}
