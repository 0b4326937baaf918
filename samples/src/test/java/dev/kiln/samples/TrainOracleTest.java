package dev.kiln.samples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.KilnTrainer;
import dev.kiln.runtime.io.TensorSpec;
import dev.kiln.runtime.optim.Sgd;
import dev.kiln.runtime.testing.Oracle;
import dev.kiln.runtime.testing.Tolerance;
import dev.kiln.samples.blobs.BlobNetModel;
import dev.kiln.samples.fixtures.LinearCeModel;
import dev.kiln.samples.testing.Batch;
import dev.kiln.samples.testing.StateDicts;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole training runs against PyTorch, through the public contract: a declared interface per case,
 * the case's initial weights, {@code trainer.step} per batch, then per-step losses and final weights.
 * The cases that need the numerics issue's losses, activations and optimizers come with it.
 */
class TrainOracleTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("blobs_relu_ce_sgd", (Supplier<KilnModel>) () -> BlobNetModel.create(0)),
        Arguments.of("linear_4_3_ce_sgd", (Supplier<KilnModel>) () -> LinearCeModel.create(0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void lossesAndFinalWeightsMatchPyTorch(String name, Supplier<KilnModel> declared) {
    JsonNode c = Oracle.get("train", name);
    KilnModel model = declared.get();
    StateDicts.copyInto(model, c.get("init"));
    KilnTrainer trainer = model.trainer(Sgd.lr((float) c.get("optimizer_options").get("lr").asDouble()));
    JsonNode batches = c.get("batches");
    for (int k = 0; k < batches.size(); k++) {
      JsonNode b = batches.get(k);
      Batch batch = new Batch(Oracle.floats(b.get("x")), Oracle.ints(b.get("y")));
      float loss = batch.step(trainer);
      Tolerance.TRAJECTORY.assertClose(c.get("losses").get(k).asDouble(), loss, name + " loss of step " + k);
    }
    for (TensorSpec spec : model.stateDict().tensors()) {
      Tolerance.TRAJECTORY.assertClose(Oracle.floats(c.get("final").get(spec.name()).get("data")),
          StateDicts.tensor(model, spec), name + " final " + spec.name());
    }
  }
}
