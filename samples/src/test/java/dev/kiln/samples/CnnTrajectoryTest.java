package dev.kiln.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.runtime.ClassIndexTrainer;
import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.optim.Optimizer;
import dev.kiln.runtime.optim.Sgd;
import dev.kiln.samples.fixtures.TrajectoryCnnModel;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A convolutional network trained through the public contract follows PyTorch step by step: the same
 * initial parameters, batch and optimizer give the same losses and the same final parameters
 * ({@code pytorch/cnn_trajectory.py} recorded PyTorch's side).
 */
class CnnTrajectoryTest {
  private static JsonNode torch;

  @BeforeAll
  static void readPyTorchsSide() throws IOException {
    try (InputStream in = CnnTrajectoryTest.class.getResourceAsStream("/pytorch/cnn-trajectory.json")) {
      torch = new ObjectMapper().readTree(in);
    }
  }

  @Test
  void theStateDictHasPyTorchsNamesInPyTorchsOrder() {
    List<String> names = new ArrayList<>();
    TrajectoryCnnModel.STATE_DICT.tensors().forEach(t -> names.add(t.name()));
    List<String> expected = new ArrayList<>();
    torch.get("names").forEach(n -> expected.add(n.asText()));
    assertEquals(expected, names);
  }

  @Test
  void sgdWithMomentumFollowsPyTorch() {
    follow(torch.get("cases").get(0), Sgd.lr(0.05f).momentum(0.9f));
  }

  @Test
  void adamFollowsPyTorch() {
    follow(torch.get("cases").get(1), Adam.lr(0.01f));
  }

  private static void follow(JsonNode expected, Optimizer optimizer) {
    TrajectoryCnnModel model = TrajectoryCnnModel.create(0);
    float[] initial = floats(torch.get("initial"));
    System.arraycopy(initial, 0, model.parameters(), 0, initial.length);
    ClassIndexTrainer trainer = model.trainer(optimizer);
    float[] x = floats(torch.get("x"));
    int[] y = new int[torch.get("y").size()];
    for (int i = 0; i < y.length; i++) y[i] = torch.get("y").get(i).asInt();
    float[] losses = new float[expected.get("losses").size()];
    for (int step = 0; step < losses.length; step++) losses[step] = trainer.step(x, y);
    assertArrayEquals(floats(expected.get("losses")), losses, 1e-5f, expected.get("optimizer").asText());
    assertArrayEquals(floats(expected.get("final")), model.parameters(), 1e-4f, expected.get("optimizer").asText());
  }

  private static float[] floats(JsonNode node) {
    float[] values = new float[node.size()];
    for (int i = 0; i < values.length; i++) values[i] = (float) node.get(i).asDouble();
    return values;
  }
}
