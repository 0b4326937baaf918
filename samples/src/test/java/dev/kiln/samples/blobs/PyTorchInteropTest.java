package dev.kiln.samples.blobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.runtime.optim.Sgd;
import dev.kiln.samples.testing.PyTorchSide;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model trained in Kiln loads into the equivalent PyTorch module with {@code load_state_dict} and
 * gives the same outputs, and a PyTorch module's weights load into Kiln likewise.
 *
 * <p>Where {@code python3} can import torch (Debian's python3-torch), PyTorch itself runs
 * {@code interop/blobnet_interop.py}. Elsewhere (a fresh CI machine; PyTorch cannot be fetched here)
 * PyTorch's side is what it recorded: {@code torch-blobnet.safetensors} and {@code torch-blobnet.json},
 * written by {@code blobnet_interop.py save} with PyTorch 1.13 for this test's inputs; and, for Kiln's
 * file, the script's reader and {@code load_state_dict(strict=True)}'s checks against that recorded
 * state dict, then {@code Linear → ReLU → Linear} in double precision.
 */
class PyTorchInteropTest {
  private static final float[] X = {0.5f, -1.5f, 2f, 0.25f, -3f, -2f};
  private static final ObjectMapper JSON = new ObjectMapper();
  private static String torchVersion;

  @TempDir Path dir;

  @BeforeAll
  static void findPyTorch() throws Exception {
    torchVersion = PyTorchSide.version();
    System.out.println(torchVersion != null
        ? "Kiln-PyTorch interop checked against PyTorch " + torchVersion
        : "no python3 with torch here: Kiln-PyTorch interop checked against PyTorch 1.13's recorded side");
  }

  @Test
  void aModelTrainedInKilnGivesTheSameOutputsInPyTorch() throws Exception {
    BlobNetModel model = BlobNetModel.create(123);
    Blobs data = Blobs.generate(1);
    BlobNetTrainer trainer = model.trainer(Sgd.lr(0.1f));
    for (int i = 0; i < 20; i++) trainer.step(data.x(), data.labels());
    Path file = dir.resolve("kiln.safetensors");
    model.save(file);
    assertOutputs(model.forward(X), torchVersion != null ? python("load", file) : loadedAsPyTorchWould(file));
  }

  @Test
  void aPyTorchModelGivesTheSameOutputsInKiln() throws Exception {
    Path file = dir.resolve("torch.safetensors");
    JsonNode torch;
    if (torchVersion != null) {
      torch = python("save", file);
    } else {
      Files.write(file, PyTorchSide.resource("torch-blobnet.safetensors"));
      torch = JSON.readTree(PyTorchSide.resource("torch-blobnet.json"));
    }
    assertOutputs(BlobNetModel.load(file).forward(X), torch);
  }

  private static void assertOutputs(float[] kiln, JsonNode torch) {
    JsonNode outputs = torch.get("outputs");
    assertEquals(kiln.length, outputs.size());
    for (int i = 0; i < kiln.length; i++) assertEquals(outputs.get(i).asDouble(), kiln[i], 1e-5, "output " + i);
  }

  private JsonNode python(String mode, Path file) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of(mode, file.toString()));
    for (float v : X) args.add(Float.toString(v));
    return PyTorchSide.run(dir, "blobnet_interop.py", args);
  }

  /**
   * What {@code blobnet_interop.py load} does without PyTorch: reads the file as the script does, checks
   * its tensors against the state dict PyTorch recorded (same names, shapes and dtypes, none missing or
   * extra, as {@code strict=True} demands), then runs the module's arithmetic in double precision.
   */
  private static JsonNode loadedAsPyTorchWould(Path file) throws IOException {
    Map<String, JsonNode> recorded = PyTorchSide.header(PyTorchSide.resource("torch-blobnet.safetensors"));
    byte[] bytes = Files.readAllBytes(file);
    Map<String, JsonNode> saved = PyTorchSide.header(bytes);
    assertEquals(recorded.keySet(), saved.keySet(), "tensor names");
    for (String name : recorded.keySet()) {
      assertEquals(recorded.get(name).get("shape"), saved.get(name).get("shape"), name + " shape");
      assertEquals("F32", saved.get(name).get("dtype").asText(), name + " dtype");
    }
    float[] w1 = tensor(bytes, saved.get("hidden.weight"));
    float[] b1 = tensor(bytes, saved.get("hidden.bias"));
    float[] w2 = tensor(bytes, saved.get("out.weight"));
    float[] b2 = tensor(bytes, saved.get("out.bias"));
    ObjectNode result = JSON.createObjectNode();
    var outputs = result.putArray("outputs");
    for (int r = 0; r < X.length / 2; r++) {
      double[] hidden = new double[b1.length];
      for (int h = 0; h < hidden.length; h++) {
        double z = b1[h] + (double) w1[2 * h] * X[2 * r] + (double) w1[2 * h + 1] * X[2 * r + 1];
        hidden[h] = Math.max(z, 0);
      }
      for (int o = 0; o < b2.length; o++) {
        double z = b2[o];
        for (int h = 0; h < hidden.length; h++) z += w2[o * hidden.length + h] * hidden[h];
        outputs.add(z);
      }
    }
    return result;
  }

  private static float[] tensor(byte[] file, JsonNode entry) {
    int from = PyTorchSide.dataStart(file) + entry.get("data_offsets").get(0).asInt();
    int to = PyTorchSide.dataStart(file) + entry.get("data_offsets").get(1).asInt();
    float[] values = new float[(to - from) / 4];
    ByteBuffer.wrap(file, from, to - from).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
    return values;
  }
}
