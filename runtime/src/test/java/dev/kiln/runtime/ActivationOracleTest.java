package dev.kiln.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.runtime.activation.Activation;
import dev.kiln.runtime.activation.PReLU;
import dev.kiln.runtime.testing.Oracle;
import dev.kiln.runtime.testing.Tolerance;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every activation case of the oracle: output and input gradient, and PReLU's slope gradient. */
class ActivationOracleTest {

  static Stream<Arguments> cases() {
    return Oracle.arguments("activations");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void outputAndGradientsMatchPyTorch(String name, JsonNode c) {
    int rows = c.get("input_shape").get(0).asInt();
    int cols = c.get("input_shape").get(1).asInt();
    float[] slopes = c.has("weight") ? Oracle.floats(c.get("weight")) : new float[0];
    Activation activation = activation(c.get("activation").asText(), c.get("options"), slopes);
    float[] z = Oracle.floats(c.get("input"));
    float[] y = new float[z.length];
    activation.forward(z, y, rows, cols);
    Tolerance.SINGLE.assertClose(Oracle.floats(c.get("output")), y, name + " output");

    float[] grad = Oracle.floats(c.get("upstream"));
    if (activation instanceof PReLU prelu) {
      float[] slopeGradient = new float[slopes.length];
      prelu.slopeGradient(z, grad, slopeGradient, rows, cols);
      Tolerance.SINGLE.assertClose(Oracle.floats(c.get("grad_weight")), slopeGradient, name + " grad_weight");
    }
    activation.backward(z, y, grad, rows, cols);
    Tolerance.SINGLE.assertClose(Oracle.floats(c.get("grad_input")), grad, name + " grad_input");
  }

  /** The runtime activation a case names, configured with the case's PyTorch options. */
  static Activation activation(String kind, JsonNode options, float[] slopes) {
    return switch (kind) {
      case "RELU" -> Activation.RELU;
      case "TANH" -> Activation.TANH;
      case "SIGMOID" -> Activation.SIGMOID;
      case "SILU" -> Activation.SILU;
      case "SOFTMAX" -> Activation.SOFTMAX;
      case "LOG_SOFTMAX" -> Activation.LOG_SOFTMAX;
      case "LEAKY_RELU" -> Activation.leakyRelu((float) options.get("negative_slope").asDouble());
      case "ELU" -> Activation.elu((float) options.get("alpha").asDouble());
      case "GELU" -> options.get("approximate").asText().equals("tanh") ? Activation.geluTanh() : Activation.gelu();
      case "SOFTPLUS" -> Activation.softplus((float) options.get("beta").asDouble(),
          (float) options.get("threshold").asDouble());
      case "PRELU" -> new PReLU(slopes, 0, options.get("num_parameters").asInt());
      default -> throw new AssertionError("the oracle has an activation Kiln lacks: " + kind);
    };
  }
}
