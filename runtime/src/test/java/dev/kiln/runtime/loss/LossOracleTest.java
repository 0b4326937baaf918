package dev.kiln.runtime.loss;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.dsl.Reduction;
import dev.kiln.runtime.testing.Oracle;
import dev.kiln.runtime.testing.Tolerance;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The losses against PyTorch: value and gradient of the mean and the sum. These are the oracle's cases
 * for the losses without options; the options (weights, ignored classes, smoothing, ...) come with
 * the numerics issue, which runs every case.
 */
class LossOracleTest {

  static Stream<String> cases() {
    return Stream.of("ce_plain", "ce_two_class", "ce_huge_logits", "nll_plain", "bce_plain",
        "bce_clamped_extremes", "bce_logits_plain", "bce_logits_extreme", "bce_logits_single_output", "mse", "l1");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void meanMatchesPyTorch(String name) {
    check(Oracle.get("losses", name), Reduction.MEAN, "mean");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void sumMatchesPyTorch(String name) {
    check(Oracle.get("losses", name), Reduction.SUM, "sum");
  }

  private static void check(JsonNode c, Reduction reduction, String key) {
    float[] input = Oracle.floats(c.get("input"));
    int rows = c.get("input_shape").get(0).asInt();
    int cols = c.get("input_shape").get(1).asInt();
    float[] grad = new float[input.length];
    float loss = switch (c.get("loss").asText()) {
      case "CROSS_ENTROPY" -> CrossEntropy.withLogits(input, Oracle.ints(c.get("target")), grad, rows, cols, reduction);
      case "NLL" -> NegativeLogLikelihood.of(input, Oracle.ints(c.get("target")), grad, rows, cols, reduction);
      case "BCE" -> BinaryCrossEntropy.ofProbabilities(input, Oracle.floats(c.get("target")), grad, rows, cols, reduction);
      case "BCE_WITH_LOGITS" -> BinaryCrossEntropy.withLogits(input, Oracle.floats(c.get("target")), grad, rows, cols,
          reduction);
      case "MSE" -> MeanSquaredError.of(input, Oracle.floats(c.get("target")), grad, rows, cols, reduction);
      case "L1" -> AbsoluteError.of(input, Oracle.floats(c.get("target")), grad, rows, cols, reduction);
      default -> throw new AssertionError("no loss " + c.get("loss"));
    };
    Tolerance.SINGLE.assertClose(c.get("expected").get(key).asDouble(), loss, "loss");
    Tolerance.SINGLE.assertClose(Oracle.floats(c.get("grad_" + key)), grad, "gradient");
  }
}
