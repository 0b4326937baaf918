package dev.kiln.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.runtime.testing.Oracle;
import dev.kiln.runtime.testing.Tolerance;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The activations of the DSL so far against PyTorch, output and gradient, including log-softmax and
 * softmax on logits of magnitude 1e4. The numerics issue adds the rest of the oracle's activations.
 */
class ActivationOracleTest {

  static Stream<String> cases() {
    return Stream.of("relu", "tanh", "sigmoid", "softmax", "softmax_huge", "log_softmax", "log_softmax_huge");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void outputAndInputGradientMatchPyTorch(String name) {
    JsonNode c = Oracle.get("activations", name);
    Activation activation = Activation.valueOf(c.get("activation").asText());
    int rows = c.get("input_shape").get(0).asInt();
    int cols = c.get("input_shape").get(1).asInt();
    float[] y = Oracle.floats(c.get("input"));
    activation.forward(y, rows, cols);
    Tolerance.SINGLE.assertClose(Oracle.floats(c.get("output")), y, name + " output");
    float[] grad = Oracle.floats(c.get("upstream"));
    activation.backward(y, grad, rows, cols);
    Tolerance.SINGLE.assertClose(Oracle.floats(c.get("grad_input")), grad, name + " grad_input");
  }
}
