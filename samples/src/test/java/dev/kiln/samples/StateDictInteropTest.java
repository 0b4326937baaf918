package dev.kiln.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.KilnTrainer;
import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.optim.Optimizer;
import dev.kiln.runtime.optim.Sgd;
import dev.kiln.runtime.testing.Batch;
import dev.kiln.samples.resnet.MiniResNetModel;
import dev.kiln.samples.fixtures.NormCnnModel;
import dev.kiln.samples.language.WordLanguageModel;
import dev.kiln.samples.lenet.LeNet5Model;
import dev.kiln.samples.testing.PyTorchSide;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Safetensors moves LeNet-5, a network with batch normalization, and issue 13's MiniResNet both ways
 * between Kiln and an {@code nn.Module} with the same attribute names ({@code interop/<network>_interop.py}):
 * blocks as sub-modules ({@code block1.conv1.weight}), running statistics and the I64
 * {@code num_batches_tracked} included; eval-mode outputs equal to 1e-4. Against PyTorch itself where
 * {@code python3} imports torch; elsewhere against what PyTorch 1.13 recorded, and, for Kiln's file, its
 * names, shapes and dtypes, all that {@code load_state_dict(strict=True)} checks.
 */
class StateDictInteropTest {
  private static String torchVersion;

  @TempDir Path dir;

  /** A network of the interop scripts: how Kiln makes and loads it, and the layer that counts its batches. */
  record Network(String name, LongFunction<KilnModel> create, Loader load, Optimizer optimizer, int examples,
      String counter) {
    @Override
    public String toString() {
      return name;
    }
  }

  interface Loader {
    KilnModel load(Path file) throws IOException;
  }

  static Stream<Network> networks() {
    return Stream.of(
        new Network("lenet5", LeNet5Model::create, LeNet5Model::load, Adam.lr(1e-3f), 2, null),
        new Network("normcnn", NormCnnModel::create, NormCnnModel::load, Sgd.lr(0.1f), 3, "bn1"),
        new Network("miniresnet", MiniResNetModel::create, MiniResNetModel::load, Sgd.lr(0.05f).momentum(0.9f), 2,
            "block1.bn2"),
        new Network("wordlanguage", WordLanguageModel::create, WordLanguageModel::load, Adam.lr(1e-3f), 2, null));
  }

  @BeforeAll
  static void findPyTorch() throws Exception {
    torchVersion = PyTorchSide.version();
  }

  /**
   * The token ids both sides use for a token model: id (7 i mod 63) + 1 at position i of the batch, the
   * first row padded after 5 positions, the second after 8.
   */
  private static int[] tokens(KilnModel model) {
    int[] tokens = new int[2 * model.inputSize()];
    for (int i = 0; i < tokens.length; i++) tokens[i] = i * 7 % 63 + 1;
    java.util.Arrays.fill(tokens, 5, model.inputSize(), 0);
    java.util.Arrays.fill(tokens, model.inputSize() + 8, 2 * model.inputSize(), 0);
    return tokens;
  }

  /** The model's output for the input both sides use. */
  private static float[] output(Network network, KilnModel model) {
    return model.readsTokens() ? model.forward(tokens(model)) : model.forward(input(network, model));
  }

  /** The input both sides use: x[i] = sin(0.37 i), as many examples as the script feeds its network. */
  private static float[] input(Network network, KilnModel model) {
    float[] x = new float[network.examples() * model.inputSize()];
    for (int i = 0; i < x.length; i++) x[i] = (float) Math.sin(i * 0.37);
    return x;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void aNetworkTrainedInKilnLoadsIntoPyTorchWithTheSameOutputs(Network network) throws Exception {
    KilnModel model = network.create().apply(3);
    KilnTrainer trainer = model.trainer(network.optimizer());
    for (int step = 0; step < 4; step++) Batch.random(model, trainer, 8, step).step(trainer);
    Path file = dir.resolve("kiln-" + network.name() + ".safetensors");
    model.save(file);
    Map<String, JsonNode> saved = PyTorchSide.header(Files.readAllBytes(file));
    saved.forEach((name, tensor) -> assertEquals(name.endsWith("num_batches_tracked") ? "I64" : "F32",
        tensor.get("dtype").asText(), name + " dtype"));
    if (network.counter() != null) {
      assertEquals("I64", saved.get(network.counter() + ".num_batches_tracked").get("dtype").asText());
    }
    if (torchVersion != null) {
      PyTorchSide.assertOutputs(output(network, model),
          PyTorchSide.run(dir, network.name() + "_interop.py", List.of("load", file.toString())));
      return;
    }
    Map<String, JsonNode> recorded = PyTorchSide.header(PyTorchSide.resource("torch-" + network.name() + ".safetensors"));
    PyTorchSide.assertSameTensors(recorded, saved);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void aPyTorchNetworkLoadsIntoKilnWithTheSameOutputs(Network network) throws Exception {
    Path file = dir.resolve("torch-" + network.name() + ".safetensors");
    JsonNode torch;
    if (torchVersion != null) {
      torch = PyTorchSide.run(dir, network.name() + "_interop.py", List.of("save", file.toString()));
    } else {
      Files.write(file, PyTorchSide.resource("torch-" + network.name() + ".safetensors"));
      torch = PyTorchSide.json(PyTorchSide.resource("torch-" + network.name() + ".json"));
    }
    KilnModel model = network.load().load(file);
    if (network.counter() != null) {
      assertEquals(3, model.layers().stream().filter(l -> l.name().equals(network.counter())).findFirst()
          .orElseThrow().longTensor("num_batches_tracked")[0],
          network.counter() + ".num_batches_tracked after PyTorch's three steps");
    }
    PyTorchSide.assertOutputs(output(network, model), torch);
  }
}
