package dev.kiln.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.runtime.FloatTargetTrainer;
import dev.kiln.runtime.optim.Sgd;
import dev.kiln.samples.fixtures.NormCnnModel;
import dev.kiln.samples.testing.PyTorchSide;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Safetensors moves a network with batch normalization both ways between Kiln and an {@code nn.Module}
 * with the same attribute names ({@code interop/normcnn_interop.py}), running statistics and the I64
 * {@code num_batches_tracked} included, eval-mode outputs equal to 1e-4: against PyTorch itself where
 * {@code python3} imports torch; elsewhere against what PyTorch 1.13 recorded, and, for Kiln's file, its
 * names, shapes and dtypes, all that {@code load_state_dict(strict=True)} checks.
 */
class NormInteropTest {
  private static String torchVersion;

  @TempDir Path dir;

  @BeforeAll
  static void findPyTorch() throws Exception {
    torchVersion = PyTorchSide.version();
  }

  /** The input both sides use: x[i] = sin(0.37 i), three examples. */
  private static float[] input() {
    float[] x = new float[3 * 60];
    for (int i = 0; i < x.length; i++) x[i] = (float) Math.sin(i * 0.37);
    return x;
  }

  @Test
  void aNetworkTrainedInKilnLoadsIntoPyTorchWithItsStatistics() throws Exception {
    NormCnnModel model = NormCnnModel.create(3);
    FloatTargetTrainer trainer = model.trainer(Sgd.lr(0.1f));
    Random random = new Random(4);
    float[] x = new float[8 * 60];
    for (int i = 0; i < x.length; i++) x[i] = (float) random.nextGaussian();
    float[] y = new float[8 * 2];
    for (int step = 0; step < 4; step++) trainer.step(x, y);
    Path file = dir.resolve("kiln-normcnn.safetensors");
    model.save(file);
    Map<String, JsonNode> saved = PyTorchSide.header(Files.readAllBytes(file));
    assertEquals("I64", saved.get("bn1.num_batches_tracked").get("dtype").asText());
    if (torchVersion != null) {
      PyTorchSide.assertOutputs(model.forward(input()), PyTorchSide.run(dir, "normcnn_interop.py", List.of("load", file.toString())));
      return;
    }
    Map<String, JsonNode> recorded = PyTorchSide.header(PyTorchSide.resource("torch-normcnn.safetensors"));
    PyTorchSide.assertSameTensors(recorded, saved);
  }

  @Test
  void aPyTorchNetworkLoadsIntoKilnWithItsStatistics() throws Exception {
    Path file = dir.resolve("torch-normcnn.safetensors");
    JsonNode torch;
    if (torchVersion != null) {
      torch = PyTorchSide.run(dir, "normcnn_interop.py", List.of("save", file.toString()));
    } else {
      Files.write(file, PyTorchSide.resource("torch-normcnn.safetensors"));
      torch = PyTorchSide.json(PyTorchSide.resource("torch-normcnn.json"));
    }
    NormCnnModel model = NormCnnModel.load(file);
    assertEquals(3, model.layers().stream().filter(l -> l.name().equals("bn1")).findFirst().orElseThrow()
        .longTensor("num_batches_tracked")[0], "bn1.num_batches_tracked after PyTorch's three steps");
    PyTorchSide.assertOutputs(model.forward(input()), torch);
  }

}
