package dev.kiln.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.optim.AdamW;
import dev.kiln.runtime.optim.Optimizer;
import dev.kiln.runtime.optim.Sgd;

/** Kiln's optimizer for an oracle case's optimizer name and PyTorch options. */
public final class OracleOptimizers {
  private OracleOptimizers() {}

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
