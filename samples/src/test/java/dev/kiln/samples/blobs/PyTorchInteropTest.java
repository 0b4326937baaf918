package dev.kiln.samples.blobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.runtime.optim.Sgd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model trained in Kiln loads into the equivalent PyTorch module with {@code load_state_dict} and
 * gives the same outputs, and a PyTorch module's weights load into Kiln likewise. Runs wherever
 * {@code python3} can import torch (Debian's python3-torch) and says so; elsewhere JUnit reports it
 * skipped, since there is no PyTorch to compare with.
 */
class PyTorchInteropTest {
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final float[] X = {0.5f, -1.5f, 2f, 0.25f, -3f, -2f};
  private static String torchVersion;

  @TempDir Path dir;

  @BeforeAll
  static void findPyTorch() throws Exception {
    if (Files.isExecutable(PYTHON)) {
      Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import torch; print(torch.__version__)")
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0) torchVersion = out;
    }
    Assumptions.assumeTrue(torchVersion != null, "no python3 with torch here: Kiln-PyTorch interop not checked");
    System.out.println("Kiln-PyTorch interop checked against PyTorch " + torchVersion);
  }

  @Test
  void aModelTrainedInKilnGivesTheSameOutputsInPyTorch() throws Exception {
    BlobNetModel model = BlobNetModel.create(123);
    Blobs data = Blobs.generate(1);
    BlobNetTrainer trainer = model.trainer(Sgd.lr(0.1f));
    for (int i = 0; i < 20; i++) trainer.step(data.x(), data.labels());
    Path file = dir.resolve("kiln.safetensors");
    model.save(file);
    assertOutputs(model.forward(X), python("load", file));
  }

  @Test
  void aPyTorchModelGivesTheSameOutputsInKiln() throws Exception {
    Path file = dir.resolve("torch.safetensors");
    JsonNode torch = python("save", file);
    assertOutputs(BlobNetModel.load(file).forward(X), torch);
  }

  private static void assertOutputs(float[] kiln, JsonNode torch) {
    JsonNode outputs = torch.get("outputs");
    assertEquals(kiln.length, outputs.size());
    for (int i = 0; i < kiln.length; i++) assertEquals(outputs.get(i).asDouble(), kiln[i], 1e-5, "output " + i);
  }

  private JsonNode python(String mode, Path file) throws IOException, InterruptedException {
    Path script = dir.resolve("blobnet_interop.py");
    try (var in = PyTorchInteropTest.class.getResourceAsStream("/interop/blobnet_interop.py")) {
      Files.write(script, in.readAllBytes());
    }
    List<String> command = new ArrayList<>(List.of(PYTHON.toString(), script.toString(), mode, file.toString()));
    for (float v : X) command.add(Float.toString(v));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(120, TimeUnit.SECONDS);
    assertEquals(0, p.exitValue(), "the PyTorch side failed: " + out);
    String last = out.lines().reduce((a, b) -> b).orElseThrow();
    return new ObjectMapper().readTree(last);
  }
}
