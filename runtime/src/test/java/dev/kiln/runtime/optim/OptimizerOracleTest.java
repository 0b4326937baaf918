package dev.kiln.runtime.optim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.runtime.testing.Oracle;
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
    OptimizerState state = optimizer(c.get("optimizer").asText(), c.get("options")).newState(params.length);
    for (int k = 0; k < c.get("grads").size(); k++) {
      state.step(params, Oracle.floats(c.get("grads").get(k)));
      Tolerance.TRAJECTORY.assertClose(Oracle.floats(c.get("trajectory").get(k)), params, name + " step " + (k + 1));
    }
  }

  /** The optimizer a case names, configured with the case's PyTorch options. */
  public static Optimizer optimizer(String kind, JsonNode o) {
    float lr = (float) o.get("lr").asDouble();
    return switch (kind) {
      case "SGD" -> Sgd.lr(lr)
          .momentum((float) o.path("momentum").asDouble(0))
          .dampening((float) o.path("dampening").asDouble(0))
          .nesterov(o.path("nesterov").asBoolean(false))
          .weightDecay((float) o.path("weight_decay").asDouble(0));
      case "ADAM" -> {
        Adam adam = Adam.lr(lr).amsgrad(o.path("amsgrad").asBoolean(false));
        if (o.has("weight_decay")) adam = adam.weightDecay((float) o.get("weight_decay").asDouble());
        if (o.has("betas")) adam = adam.betas((float) o.get("betas").get(0).asDouble(), (float) o.get("betas").get(1).asDouble());
        yield o.has("eps") ? adam.eps((float) o.get("eps").asDouble()) : adam;
      }
      case "ADAMW" -> {
        AdamW adamw = AdamW.lr(lr).amsgrad(o.path("amsgrad").asBoolean(false));
        if (o.has("weight_decay")) adamw = adamw.weightDecay((float) o.get("weight_decay").asDouble());
        if (o.has("betas")) adamw = adamw.betas((float) o.get("betas").get(0).asDouble(), (float) o.get("betas").get(1).asDouble());
        yield o.has("eps") ? adamw.eps((float) o.get("eps").asDouble()) : adamw;
      }
      default -> throw new AssertionError("the oracle has an optimizer Kiln lacks: " + kind);
    };
  }
}
