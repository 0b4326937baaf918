package dev.kiln.runtime.optim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.runtime.testing.Oracle;
import dev.kiln.runtime.testing.Tolerance;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SGD and Adam against PyTorch's trajectories: the parameters after each step of a fixed sequence of
 * gradients. (AMSGrad and AdamW come with the numerics issue, which runs every case.)
 */
class OptimizerOracleTest {

  static Stream<String> cases() {
    return Stream.of("sgd_plain", "sgd_momentum", "sgd_momentum_dampening_wd", "sgd_nesterov_wd", "adam_default",
        "adam_betas_eps_wd");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void trajectoryMatchesPyTorch(String name) {
    JsonNode c = Oracle.get("optimizers", name);
    float[] params = Oracle.floats(c.get("initial"));
    OptimizerState state = optimizer(c.get("optimizer").asText(), c.get("options")).newState(params.length);
    for (int k = 0; k < c.get("grads").size(); k++) {
      state.step(params, Oracle.floats(c.get("grads").get(k)));
      Tolerance.TRAJECTORY.assertClose(Oracle.floats(c.get("trajectory").get(k)), params, name + " step " + (k + 1));
    }
  }

  static Optimizer optimizer(String kind, JsonNode options) {
    float lr = (float) options.get("lr").asDouble();
    return switch (kind) {
      case "SGD" -> Sgd.lr(lr)
          .momentum((float) options.path("momentum").asDouble(0))
          .dampening((float) options.path("dampening").asDouble(0))
          .nesterov(options.path("nesterov").asBoolean(false))
          .weightDecay((float) options.path("weight_decay").asDouble(0));
      case "ADAM" -> {
        Adam adam = Adam.lr(lr).weightDecay((float) options.path("weight_decay").asDouble(0));
        if (options.has("betas")) {
          adam = adam.betas((float) options.get("betas").get(0).asDouble(), (float) options.get("betas").get(1).asDouble());
        }
        yield options.has("eps") ? adam.eps((float) options.get("eps").asDouble()) : adam;
      }
      default -> throw new AssertionError("no optimizer " + kind);
    };
  }
}
