package dev.kiln.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.runtime.ClassIndexTrainer;
import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.io.StateDict;
import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.optim.Optimizer;
import dev.kiln.runtime.optim.Sgd;
import dev.kiln.samples.fixtures.PooledTrajectoryCnnModel;
import dev.kiln.samples.fixtures.TrajectoryCnnModel;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Convolutional networks trained through the public contract follow PyTorch step by step: the same
 * initial parameters, batch and optimizer give the same losses and the same final parameters
 * ({@code pytorch/cnn_trajectory.py} recorded PyTorch's side). The second network has max pools with
 * padding, ceil mode and dilation, and an average pool that does not count its padding.
 */
class CnnTrajectoryTest {
  private static JsonNode torch;

  @BeforeAll
  static void readPyTorchsSide() throws IOException {
    try (InputStream in = CnnTrajectoryTest.class.getResourceAsStream("/pytorch/cnn-trajectory.json")) {
      torch = new ObjectMapper().readTree(in);
    }
  }

  static Stream<Arguments> networks() {
    return Stream.of(
        Arguments.of("TrajectoryCnn", (LongFunction<KilnModel>) TrajectoryCnnModel::create,
            TrajectoryCnnModel.STATE_DICT),
        Arguments.of("PooledTrajectoryCnn", (LongFunction<KilnModel>) PooledTrajectoryCnnModel::create,
            PooledTrajectoryCnnModel.STATE_DICT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void theStateDictHasPyTorchsNamesInPyTorchsOrder(String network, LongFunction<KilnModel> create,
      StateDict stateDict) {
    List<String> names = new ArrayList<>();
    stateDict.tensors().forEach(t -> names.add(t.name()));
    List<String> expected = new ArrayList<>();
    torch.get(network).get("names").forEach(n -> expected.add(n.asText()));
    assertEquals(expected, names);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void sgdWithMomentumFollowsPyTorch(String network, LongFunction<KilnModel> create, StateDict stateDict) {
    follow(torch.get(network), 0, create.apply(0), Sgd.lr(0.05f).momentum(0.9f));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void adamFollowsPyTorch(String network, LongFunction<KilnModel> create, StateDict stateDict) {
    follow(torch.get(network), 1, create.apply(0), Adam.lr(0.01f));
  }

  private static void follow(JsonNode side, int optimizerCase, KilnModel model, Optimizer optimizer) {
    JsonNode expected = side.get("cases").get(optimizerCase);
    float[] initial = floats(side.get("initial"));
    System.arraycopy(initial, 0, model.parameters(), 0, initial.length);
    ClassIndexTrainer trainer = (ClassIndexTrainer) model.trainer(optimizer);
    float[] x = floats(side.get("x"));
    int[] y = new int[side.get("y").size()];
    for (int i = 0; i < y.length; i++) y[i] = side.get("y").get(i).asInt();
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
