package dev.kiln.runtime.optim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.runtime.testing.Oracle;
import dev.kiln.runtime.testing.OracleOptimizers;
import dev.kiln.runtime.testing.Tolerance;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every optimizer case of the oracle: the parameters after each step of a fixed sequence of gradients. */
class OptimizerOracleTest {

  static Stream<Arguments> cases() {
    return Oracle.arguments("optimizers");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void trajectoryMatchesPyTorch(String name, JsonNode c) {
    float[] params = Oracle.floats(c.get("initial"));
    OptimizerState state = OracleOptimizers.optimizer(c.get("optimizer").asText(), c.get("options"))
        .newState(params.length);
    for (int k = 0; k < c.get("grads").size(); k++) {
      state.step(params, Oracle.floats(c.get("grads").get(k)));
      Tolerance.TRAJECTORY.assertClose(Oracle.floats(c.get("trajectory").get(k)), params, name + " step " + (k + 1));
    }
  }
}
