package dev.kiln.samples.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * PyTorch's side of the interop tests: Debian's {@code /usr/bin/python3} with torch where it is
 * installed, and the scripts and recorded files under the test resources' {@code interop/}.
 */
public final class PyTorchSide {
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static String version;
  private static boolean looked;

  private PyTorchSide() {}

  /** PyTorch's version where {@code python3} imports torch, else null. */
  public static synchronized String version() throws IOException, InterruptedException {
    if (!looked) {
      looked = true;
      if (Files.isExecutable(PYTHON)) {
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import torch; print(torch.__version__)")
            .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0) version = out;
      }
    }
    return version;
  }

  /**
   * Runs {@code script} (from {@code interop/}, beside the other scripts there) in {@code dir} with
   * {@code args}; returns the JSON of its last line.
   */
  public static JsonNode run(Path dir, String script, List<String> args) throws IOException, InterruptedException {
    for (String name : List.of("blobnet_interop.py", "lenet5_interop.py", "normcnn_interop.py",
        "miniresnet_interop.py", "wordlanguage_interop.py", "torch_networks.py")) {
      Files.write(dir.resolve(name), resource(name));
    }
    List<String> command = new ArrayList<>(List.of(PYTHON.toString(), dir.resolve(script).toString()));
    command.addAll(args);
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(120, TimeUnit.SECONDS);
    assertEquals(0, p.exitValue(), "the PyTorch side failed: " + out);
    return JSON.readTree(out.lines().reduce((a, b) -> b).orElseThrow());
  }

  public static JsonNode json(byte[] bytes) throws IOException {
    return JSON.readTree(bytes);
  }

  public static byte[] resource(String name) throws IOException {
    try (InputStream in = PyTorchSide.class.getResourceAsStream("/interop/" + name)) {
      if (in == null) throw new IOException("no test resource interop/" + name);
      return in.readAllBytes();
    }
  }

  /** A safetensors file's tensors, by name, as its header describes them. */
  public static Map<String, JsonNode> header(byte[] file) throws IOException {
    JsonNode header = JSON.readTree(new String(file, 8, dataStart(file) - 8, StandardCharsets.UTF_8));
    Map<String, JsonNode> tensors = new TreeMap<>();
    header.fields().forEachRemaining(e -> {
      if (!e.getKey().equals("__metadata__")) tensors.put(e.getKey(), e.getValue());
    });
    return tensors;
  }

  /** Kiln's outputs equal PyTorch's, the {@code outputs} of its script's JSON, to 1e-4. */
  public static void assertOutputs(float[] kiln, JsonNode torch) {
    JsonNode outputs = torch.get("outputs");
    assertEquals(kiln.length, outputs.size());
    for (int i = 0; i < kiln.length; i++) assertEquals(outputs.get(i).asDouble(), kiln[i], 1e-4, "output " + i);
  }

  /**
   * A file Kiln saved has the tensors of the one PyTorch recorded: the same names, shapes and dtypes, all
   * that {@code load_state_dict(strict=True)} checks.
   */
  public static void assertSameTensors(Map<String, JsonNode> recorded, Map<String, JsonNode> saved) {
    assertEquals(recorded.keySet(), saved.keySet(), "tensor names");
    for (String name : recorded.keySet()) {
      assertEquals(recorded.get(name).get("shape"), saved.get(name).get("shape"), name + " shape");
      assertEquals(recorded.get(name).get("dtype"), saved.get(name).get("dtype"), name + " dtype");
    }
  }

  /** Where the tensors' bytes begin: after the 8-byte header length and the header it counts. */
  public static int dataStart(byte[] file) {
    return 8 + (int) ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
  }
}
