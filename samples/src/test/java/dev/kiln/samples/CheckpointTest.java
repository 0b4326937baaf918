package dev.kiln.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.KilnTrainer;
import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.optim.AdamW;
import dev.kiln.runtime.optim.Optimizer;
import dev.kiln.runtime.optim.Sgd;
import dev.kiln.runtime.io.StateDict;
import dev.kiln.runtime.testing.Batch;
import dev.kiln.samples.blobs.BlobNetModel;
import dev.kiln.samples.resnet.MiniResNetModel;
import dev.kiln.samples.fixtures.NormCnnModel;
import dev.kiln.samples.fixtures.NormMlpModel;
import dev.kiln.samples.testing.PyTorchSide;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code trainer.saveCheckpoint} and {@code loadCheckpoint}: training resumed from a checkpoint in a fresh
 * trainer goes on exactly as the trainer that wrote it, optimizer state, running statistics and counters
 * included; a checkpoint of anything else is refused and leaves the trainer as it was.
 */
class CheckpointTest {
  @TempDir Path dir;

  static Stream<Arguments> runs() {
    return Stream.of(
        Arguments.of("NormCnn, SGD with Nesterov momentum and weight decay", (LongFunction<KilnModel>) NormCnnModel::create,
            Sgd.lr(0.05f).momentum(0.9f).nesterov(true).weightDecay(1e-3f)),
        Arguments.of("NormMlp, Adam with AMSGrad", (LongFunction<KilnModel>) NormMlpModel::create,
            Adam.lr(1e-2f).amsgrad(true)),
        Arguments.of("MiniResNet, AdamW", (LongFunction<KilnModel>) MiniResNetModel::create, AdamW.lr(1e-3f)),
        Arguments.of("BlobNet, plain SGD", (LongFunction<KilnModel>) BlobNetModel::create, Sgd.lr(0.1f)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runs")
  void resumingFromACheckpointGoesOnExactlyAsTheRunThatWroteIt(String name, LongFunction<KilnModel> create,
      Optimizer optimizer) throws IOException {
    KilnModel model = create.apply(1);
    KilnTrainer trainer = model.trainer(optimizer);
    for (int step = 0; step < 3; step++) Batch.random(model, trainer, 8, step).step(trainer);
    trainer.setLearningRate(trainer.learningRate() * 0.5f);
    Path checkpoint = dir.resolve("checkpoint.safetensors");
    trainer.saveCheckpoint(checkpoint);
    for (int step = 3; step < 6; step++) Batch.random(model, trainer, 8, step).step(trainer);

    KilnModel resumedModel = create.apply(99);
    KilnTrainer resumed = resumedModel.trainer(optimizer);
    resumed.loadCheckpoint(checkpoint);
    assertEquals(trainer.learningRate(), resumed.learningRate(), "the learning rate");
    for (int step = 3; step < 6; step++) Batch.random(resumedModel, resumed, 8, step).step(resumed);

    assertArrayEquals(model.parameters(), resumedModel.parameters(), name + ": parameters");
    model.save(dir.resolve("a.safetensors"));
    resumedModel.save(dir.resolve("b.safetensors"));
    assertArrayEquals(Files.readAllBytes(dir.resolve("a.safetensors")), Files.readAllBytes(dir.resolve("b.safetensors")),
        name + ": every tensor of the state dict, buffers included");
  }

  @Test
  void theOptimizersStateIsSavedUnderTheParametersNames() throws Exception {
    NormMlpModel model = NormMlpModel.create(1);
    KilnTrainer trainer = model.trainer(Adam.lr(1e-3f).amsgrad(true));
    Batch.random(model, trainer, 8, 0).step(trainer);
    Path checkpoint = dir.resolve("checkpoint.safetensors");
    trainer.saveCheckpoint(checkpoint);
    Map<String, com.fasterxml.jackson.databind.JsonNode> header = PyTorchSide.header(Files.readAllBytes(checkpoint));
    for (String state : new String[] {"exp_avg", "exp_avg_sq", "max_exp_avg_sq"}) {
      assertTrue(header.containsKey("optimizer.hidden.weight." + state), "optimizer.hidden.weight." + state);
    }
    assertEquals("I64", header.get("inputNorm.num_batches_tracked").get("dtype").asText());
    String text = new String(Files.readAllBytes(checkpoint), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(text.contains("\"kiln.optimizer_steps\":\"1\""), "the steps taken");
    assertTrue(text.contains("\"kiln.interface\":\"dev.kiln.samples.fixtures.NormNetworks$NormMlp\""), "the model");
  }

  @Test
  void aCheckpointOfAnotherModelIsRefusedNamingBoth() throws IOException {
    Path checkpoint = dir.resolve("mlp.safetensors");
    NormMlpModel.create(1).trainer(Sgd.lr(0.1f)).saveCheckpoint(checkpoint);
    KilnTrainer other = NormCnnModel.create(1).trainer(Sgd.lr(0.1f));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> other.loadCheckpoint(checkpoint));
    assertTrue(e.getMessage().contains("NormNetworks$NormMlp") && e.getMessage().contains("NormNetworks$NormCnn"),
        e.getMessage());
  }

  @Test
  void aCheckpointOfAnotherOptimizerOrOtherHyperParametersIsRefused() throws IOException {
    Path checkpoint = dir.resolve("sgd.safetensors");
    NormMlpModel.create(1).trainer(Sgd.lr(0.1f).momentum(0.9f)).saveCheckpoint(checkpoint);
    for (Optimizer other : new Optimizer[] {Adam.lr(0.1f), Sgd.lr(0.1f).momentum(0.8f)}) {
      KilnTrainer trainer = NormMlpModel.create(1).trainer(other);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer.loadCheckpoint(checkpoint));
      assertTrue(e.getMessage().contains("momentum=0.9") && e.getMessage().contains(other.toString()), e.getMessage());
    }
  }

  @Test
  void aModelsOwnFileIsNotACheckpoint() throws IOException {
    NormMlpModel model = NormMlpModel.create(1);
    Path file = dir.resolve("model.safetensors");
    model.save(file);
    IOException e = assertThrows(IOException.class, () -> model.trainer(Sgd.lr(0.1f)).loadCheckpoint(file));
    assertTrue(e.getMessage().endsWith("is not a Kiln checkpoint; expected a file written by saveCheckpoint"),
        e.getMessage());
  }

  @Test
  void aMissingTensorIsNamedAndTheTrainerAndItsModelStayAsTheyWere() throws IOException {
    Path real = dir.resolve("real.safetensors");
    NormMlpModel.create(1).trainer(Sgd.lr(0.1f).momentum(0.9f)).saveCheckpoint(real);
    // The metadata of a true checkpoint of this model and optimizer, over a single tensor.
    Map<String, String> metadata = new java.util.LinkedHashMap<>(StateDict.metadata(real));
    metadata.remove("sha256");
    metadata.remove("format");
    Path forged = dir.resolve("forged.safetensors");
    StateDict.builder().add("hidden.weight", 6, 6).build().save(forged, new float[36], new float[0], new long[0], metadata);

    NormMlpModel model = NormMlpModel.create(2);
    float[] before = model.parameters().clone();
    KilnTrainer trainer = model.trainer(Sgd.lr(0.1f).momentum(0.9f));
    trainer.setLearningRate(0.02f);
    IOException e = assertThrows(IOException.class, () -> trainer.loadCheckpoint(forged));
    assertTrue(e.getMessage().contains("missing tensors") && e.getMessage().contains("optimizer.hidden.weight.momentum_buffer"),
        e.getMessage());
    assertArrayEquals(before, model.parameters());
    assertEquals(0.02f, trainer.learningRate());
  }
}
