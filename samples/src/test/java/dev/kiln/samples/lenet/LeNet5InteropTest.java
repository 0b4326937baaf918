package dev.kiln.samples.lenet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.runtime.ClassIndexTrainer;
import dev.kiln.runtime.optim.Adam;
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
 * Safetensors moves LeNet-5 both ways between Kiln and an {@code nn.Module} with the same attribute
 * names ({@code interop/lenet5_interop.py}), outputs equal to 1e-4: against PyTorch itself where
 * {@code python3} imports torch; elsewhere against what PyTorch 1.13 recorded, its LeNet-5's file and
 * outputs, and, for Kiln's file, its state dict's names, shapes and dtypes, all that
 * {@code load_state_dict(strict=True)} checks (the arithmetic is CnnTrajectoryTest's).
 */
class LeNet5InteropTest {
  private static String torchVersion;

  @TempDir Path dir;

  @BeforeAll
  static void findPyTorch() throws Exception {
    torchVersion = PyTorchSide.version();
  }

  /** The input both sides use: x[i] = sin(0.37 i), two images. */
  private static float[] input() {
    float[] x = new float[2 * 784];
    for (int i = 0; i < x.length; i++) x[i] = (float) Math.sin(i * 0.37);
    return x;
  }

  @Test
  void aLeNetTrainedInKilnLoadsIntoPyTorchWithTheSameOutputs() throws Exception {
    LeNet5Model model = LeNet5Model.create(3);
    ClassIndexTrainer trainer = model.trainer(Adam.lr(1e-3f));
    Random random = new Random(4);
    float[] x = new float[16 * 784];
    for (int i = 0; i < x.length; i++) x[i] = (float) random.nextGaussian();
    int[] y = new int[16];
    for (int i = 0; i < y.length; i++) y[i] = i % 10;
    for (int step = 0; step < 5; step++) trainer.step(x, y);
    Path file = dir.resolve("kiln-lenet5.safetensors");
    model.save(file);
    if (torchVersion != null) {
      PyTorchSide.assertOutputs(model.forward(input()), PyTorchSide.run(dir, "lenet5_interop.py", List.of("load", file.toString())));
      return;
    }
    Map<String, JsonNode> recorded = PyTorchSide.header(PyTorchSide.resource("torch-lenet5.safetensors"));
    Map<String, JsonNode> saved = PyTorchSide.header(Files.readAllBytes(file));
    PyTorchSide.assertSameTensors(recorded, saved);
    saved.forEach((name, tensor) -> assertEquals("F32", tensor.get("dtype").asText(), name + " dtype"));
  }

  @Test
  void aPyTorchLeNetLoadsIntoKilnWithTheSameOutputs() throws Exception {
    Path file = dir.resolve("torch-lenet5.safetensors");
    JsonNode torch;
    if (torchVersion != null) {
      torch = PyTorchSide.run(dir, "lenet5_interop.py", List.of("save", file.toString()));
    } else {
      Files.write(file, PyTorchSide.resource("torch-lenet5.safetensors"));
      torch = PyTorchSide.json(PyTorchSide.resource("torch-lenet5.json"));
    }
    PyTorchSide.assertOutputs(LeNet5Model.load(file).forward(input()), torch);
  }

}
