package dev.kiln.runtime.loss;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.dsl.Reduction;
import dev.kiln.runtime.testing.Oracle;
import dev.kiln.runtime.testing.Tolerance;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every loss case of the oracle: the value of each reduction it gives, and the gradient where it gives one. */
class LossOracleTest {

  static Stream<Arguments> cases() {
    return Oracle.arguments("losses");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void valuesAndGradientsMatchPyTorch(String name, JsonNode c) {
    int rows = c.get("input_shape").get(0).asInt();
    int cols = c.get("input_shape").get(1).asInt();
    float[] input = Oracle.floats(c.get("input"));
    Iterator<Map.Entry<String, JsonNode>> expected = c.get("expected").fields();
    int checked = 0;
    while (expected.hasNext()) {
      Map.Entry<String, JsonNode> entry = expected.next();
      if (entry.getKey().equals("none")) continue;
      Reduction reduction = Reduction.valueOf(entry.getKey().toUpperCase(Locale.ROOT));
      float[] grad = new float[input.length];
      float loss = compute(c, reduction, input, grad, rows, cols);
      Tolerance.SINGLE.assertClose(entry.getValue().asDouble(), loss, name + " " + entry.getKey());
      JsonNode expectedGrad = c.get("grad_" + entry.getKey());
      if (expectedGrad != null) {
        Tolerance.SINGLE.assertClose(Oracle.floats(expectedGrad), grad, name + " grad_" + entry.getKey());
      }
      checked++;
    }
    if (checked == 0) throw new AssertionError(name + " has no reduced value to check");
  }

  private static float compute(JsonNode c, Reduction reduction, float[] input, float[] grad, int rows, int cols) {
    Object loss = loss(c.get("loss").asText(), c.get("options"), reduction);
    if (c.get("target_kind").asText().equals("index")) {
      return ((ClassIndexLoss) loss).compute(input, Oracle.ints(c.get("target")), grad, rows, cols);
    }
    return ((FloatTargetLoss) loss).compute(input, Oracle.floats(c.get("target")), grad, rows, cols);
  }

  /** The runtime loss a case names, configured with the case's PyTorch options. */
  static Object loss(String kind, JsonNode o, Reduction reduction) {
    return switch (kind) {
      case "CROSS_ENTROPY" -> {
        CrossEntropy ce = CrossEntropy.of(reduction);
        if (o.has("weight")) ce = ce.weight(Oracle.floats(o.get("weight")));
        if (o.has("ignore_index")) ce = ce.ignoreIndex(o.get("ignore_index").asInt());
        if (o.has("label_smoothing")) ce = ce.labelSmoothing((float) o.get("label_smoothing").asDouble());
        yield ce;
      }
      case "NLL" -> {
        NegativeLogLikelihood nll = NegativeLogLikelihood.of(reduction);
        if (o.has("weight")) nll = nll.weight(Oracle.floats(o.get("weight")));
        if (o.has("ignore_index")) nll = nll.ignoreIndex(o.get("ignore_index").asInt());
        yield nll;
      }
      case "BCE" -> o.has("weight") ? BinaryCrossEntropy.of(reduction).weight(Oracle.floats(o.get("weight")))
          : BinaryCrossEntropy.of(reduction);
      case "BCE_WITH_LOGITS" -> {
        BinaryCrossEntropyWithLogits bce = BinaryCrossEntropyWithLogits.of(reduction);
        if (o.has("pos_weight")) bce = bce.posWeight(Oracle.floats(o.get("pos_weight")));
        if (o.has("weight")) bce = bce.weight(Oracle.floats(o.get("weight")));
        yield bce;
      }
      case "MSE" -> MeanSquaredError.of(reduction);
      case "L1" -> AbsoluteError.of(reduction);
      case "SMOOTH_L1" -> SmoothL1.of(reduction).beta((float) o.get("beta").asDouble());
      case "HUBER" -> Huber.of(reduction).delta((float) o.get("delta").asDouble());
      case "FOCAL" -> SigmoidFocal.of(reduction).alpha((float) o.get("alpha").asDouble())
          .gamma((float) o.get("gamma").asDouble());
      case "KL_DIV" -> KlDivergence.of(reduction).logTarget(o.path("log_target").asBoolean(false));
      default -> throw new AssertionError("the oracle has a loss Kiln lacks: " + kind);
    };
  }
}
