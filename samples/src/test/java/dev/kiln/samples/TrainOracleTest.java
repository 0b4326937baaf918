package dev.kiln.samples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.KilnTrainer;
import dev.kiln.runtime.io.TensorSpec;
import dev.kiln.runtime.testing.Oracle;
import dev.kiln.runtime.testing.OracleOptimizers;
import dev.kiln.runtime.testing.Tolerance;
import dev.kiln.samples.blobs.BlobNetModel;
import dev.kiln.samples.fixtures.BinaryPosWeightModel;
import dev.kiln.samples.fixtures.GeluSigmoidBceModel;
import dev.kiln.samples.fixtures.LeakyRegressionModel;
import dev.kiln.samples.fixtures.LinearCeModel;
import dev.kiln.samples.fixtures.LogSoftmaxNllAdamWModel;
import dev.kiln.samples.fixtures.PreluEluHuberModel;
import dev.kiln.samples.fixtures.SiluSoftplusWeightedCeModel;
import dev.kiln.samples.fixtures.TanhMlpSmoothingModel;
import dev.kiln.runtime.testing.Batch;
import dev.kiln.samples.testing.StateDicts;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every training run of the oracle, through the public contract: a declared interface per case, the
 * case's initial weights, {@code trainer.step} per batch, then per-step losses and final weights. A
 * case without a declared network fails.
 */
class TrainOracleTest {
  private static final Map<String, Supplier<KilnModel>> NETWORKS = Map.ofEntries(
      Map.entry("blobs_relu_ce_sgd", () -> BlobNetModel.create(0)),
      Map.entry("linear_4_3_ce_sgd", () -> LinearCeModel.create(0)),
      Map.entry("binary_bce_logits_pos_weight_adam", () -> BinaryPosWeightModel.create(0)),
      Map.entry("logsoftmax_nll_adamw", () -> LogSoftmaxNllAdamWModel.create(0)),
      Map.entry("mlp_tanh_ce_smoothing_momentum", () -> TanhMlpSmoothingModel.create(0)),
      Map.entry("regression_leaky_mse_sgd_wd", () -> LeakyRegressionModel.create(0)),
      Map.entry("sigmoid_bce_sgd", () -> GeluSigmoidBceModel.create(0)),
      Map.entry("prelu_elu_huber_adamw_amsgrad", () -> PreluEluHuberModel.create(0)),
      Map.entry("silu_softplus_ce_weight_ignore_sgd", () -> SiluSoftplusWeightedCeModel.create(0)));

  static Stream<Arguments> cases() {
    return Oracle.arguments("train");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void lossesAndFinalWeightsMatchPyTorch(String name, JsonNode c) {
    Supplier<KilnModel> declared = NETWORKS.get(name);
    if (declared == null) throw new AssertionError("no declared network for the oracle's case " + name);
    KilnModel model = declared.get();
    StateDicts.copyInto(model, c.get("init"));
    KilnTrainer trainer = model.trainer(OracleOptimizers.optimizer(c.get("optimizer").asText(), c.get("optimizer_options")));
    boolean classIndices = c.get("target_kind").asText().equals("index");
    JsonNode batches = c.get("batches");
    for (int k = 0; k < batches.size(); k++) {
      JsonNode b = batches.get(k);
      float[] x = Oracle.floats(b.get("x"));
      Batch batch = new Batch(x, classIndices ? Oracle.ints(b.get("y")) : Oracle.floats(b.get("y")));
      float loss = batch.step(trainer);
      Tolerance.TRAJECTORY.assertClose(c.get("losses").get(k).asDouble(), loss, name + " loss of step " + k);
    }
    for (TensorSpec spec : model.stateDict().tensors()) {
      Tolerance.TRAJECTORY.assertClose(Oracle.floats(c.get("final").get(spec.name()).get("data")),
          StateDicts.tensor(model, spec), name + " final " + spec.name());
    }
  }
}
