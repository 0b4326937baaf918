package dev.kiln.samples.blobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.runtime.io.StateDict;
import dev.kiln.runtime.testing.Oracle;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobNetSafetensorsTest {
  @TempDir Path dir;

  @Test
  void aFileWrittenByPyTorchLoadsWithExactlyTheTensorsOfItsJsonTwin() throws IOException {
    BlobNetModel model = BlobNetModel.load(Oracle.folder("safetensors").resolve("blobnet.safetensors"));
    JsonNode twin = Oracle.get("safetensors", "blobnet").get("tensors");
    assertEquals(4, twin.size());
    assertArrayEquals(Oracle.floats(twin.get("hidden.weight").get("data")), model.hidden().weight());
    assertArrayEquals(Oracle.floats(twin.get("hidden.bias").get("data")), model.hidden().bias());
    assertArrayEquals(Oracle.floats(twin.get("out.weight").get("data")), model.out().weight());
    assertArrayEquals(Oracle.floats(twin.get("out.bias").get("data")), model.out().bias());
  }

  @Test
  void aSavedModelLoadsBackWithTheSameParametersAndOutputs() throws IOException {
    BlobNetModel model = BlobNetModel.create(5);
    Path file = dir.resolve("blobnet.safetensors");
    model.save(file);
    BlobNetModel loaded = BlobNetModel.load(file);
    assertArrayEquals(model.parameters(), loaded.parameters());
    float[] x = {0.5f, -1f, 2f, 3f};
    assertArrayEquals(model.forward(x), loaded.forward(x));
  }

  @Test
  void theStateDictHasPyTorchsNamesAndShapes() {
    StateDict stateDict = BlobNetModel.STATE_DICT;
    assertEquals("[hidden.weight[10, 2]@0, hidden.bias[10]@20, out.weight[2, 10]@30, out.bias[2]@50]",
        stateDict.tensors().toString());
  }

  @Test
  void aFileOfAnotherNetworkIsRejectedNamingTheDifference() throws IOException {
    Path file = dir.resolve("other.safetensors");
    StateDict.builder().add("hidden.weight", 10, 2).add("hidden.bias", 10).add("out.weight", 3, 10)
        .add("out.bias", 3).build().save(file, new float[63]);
    IOException e = assertThrows(IOException.class, () -> BlobNetModel.load(file));
    assertTrue(e.getMessage().endsWith("tensor out.weight has shape [3, 10]; expected [2, 10]"), e.getMessage());
  }
}
