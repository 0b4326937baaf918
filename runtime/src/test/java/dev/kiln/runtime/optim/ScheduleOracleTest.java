package dev.kiln.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.runtime.schedule.LearningRateSchedule;
import dev.kiln.runtime.schedule.Plateau;
import dev.kiln.runtime.schedule.PlateauSchedule;
import dev.kiln.runtime.schedule.ThresholdMode;
import dev.kiln.runtime.testing.Oracle;
import dev.kiln.runtime.testing.Tolerance;
import dev.kiln.runtime.train.Metric;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of the oracle's schedules folder: learning rates per epoch, plateaus, and gradient clipping. */
class ScheduleOracleTest {

  static Stream<Arguments> cases() {
    return Oracle.arguments("schedules");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesPyTorch(String name, JsonNode c) {
    JsonNode o = c.get("options");
    if (c.get("schedule").asText().equals("CLIP_GRAD_NORM")) {
      checkClipping(name, c, (float) o.get("max_norm").asDouble());
      return;
    }
    if (c.get("schedule").asText().equals("PLATEAU")) {
      checkPlateau(name, c, o);
      return;
    }
    LearningRateSchedule schedule = switch (c.get("schedule").asText()) {
      case "STEP" -> LearningRateSchedule.step(o.get("step_size").asInt(), o.get("gamma").asDouble());
      case "EXPONENTIAL" -> LearningRateSchedule.exponential(o.get("gamma").asDouble());
      case "COSINE" -> LearningRateSchedule.cosine(o.get("t_max").asInt(), o.get("eta_min").asDouble());
      case "LINEAR" -> LearningRateSchedule.linear(o.get("start_factor").asDouble(), o.get("end_factor").asDouble(),
          o.get("total_iters").asInt());
      default -> throw new AssertionError("the oracle has a schedule Kiln lacks: " + c.get("schedule"));
    };
    double base = c.get("base_lr").asDouble();
    JsonNode expected = c.get("lr_per_epoch");
    for (int epoch = 0; epoch < expected.size(); epoch++) {
      Tolerance.SINGLE.assertClose(expected.get(epoch).asDouble(), schedule.learningRate(base, epoch),
          name + " epoch " + epoch);
    }
  }

  /**
   * {@code ReduceLROnPlateau} fed the case's metric values one epoch at a time: the rate of every epoch
   * exactly PyTorch's (both compute it in doubles, in the same order).
   */
  private static void checkPlateau(String name, JsonNode c, JsonNode o) {
    Metric metric = Metric.valueOf(c.get("metric").asText());
    assertEquals(metric.higherIsBetter() ? "max" : "min", o.get("mode").asText(), name + ": the metric's mode");
    PlateauSchedule schedule = LearningRateSchedule.onPlateau(metric, o.get("factor").asDouble(),
        o.get("patience").asInt());
    if (o.has("threshold")) schedule = schedule.threshold(o.get("threshold").asDouble());
    if (o.has("threshold_mode")) {
      schedule = schedule.thresholdMode(ThresholdMode.valueOf(o.get("threshold_mode").asText().toUpperCase(Locale.ROOT)));
    }
    if (o.has("cooldown")) schedule = schedule.cooldown(o.get("cooldown").asInt());
    if (o.has("min_lr")) schedule = schedule.minLr(o.get("min_lr").asDouble());
    Plateau plateau = schedule.start(c.get("base_lr").asDouble());
    JsonNode metrics = c.get("metrics");
    JsonNode expected = c.get("lr_per_epoch");
    for (int epoch = 0; epoch < expected.size(); epoch++) {
      assertEquals(expected.get(epoch).asDouble(), plateau.learningRate(), name + " epoch " + epoch);
      plateau.step(metrics.get(epoch).asDouble());
    }
  }

  /** The oracle clips two tensors together; Kiln's gradients are one array, so they are concatenated. */
  private static void checkClipping(String name, JsonNode c, float maxNorm) {
    float[] first = Oracle.floats(c.get("grads").get(0));
    float[] second = Oracle.floats(c.get("grads").get(1));
    float[] grads = new float[first.length + second.length];
    System.arraycopy(first, 0, grads, 0, first.length);
    System.arraycopy(second, 0, grads, first.length, second.length);
    float norm = GradientClipping.clipByGlobalNorm(grads, maxNorm);
    Tolerance.SINGLE.assertClose(c.get("total_norm").asDouble(), norm, name + " total_norm");
    float[] expected = new float[grads.length];
    float[] clippedFirst = Oracle.floats(c.get("clipped").get(0));
    System.arraycopy(clippedFirst, 0, expected, 0, clippedFirst.length);
    float[] clippedSecond = Oracle.floats(c.get("clipped").get(1));
    System.arraycopy(clippedSecond, 0, expected, clippedFirst.length, clippedSecond.length);
    Tolerance.SINGLE.assertClose(expected, grads, name + " clipped");
  }
}
