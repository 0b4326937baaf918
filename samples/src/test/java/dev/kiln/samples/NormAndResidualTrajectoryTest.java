package dev.kiln.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.runtime.ClassIndexTrainer;
import dev.kiln.runtime.FloatTargetTrainer;
import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.KilnTrainer;
import dev.kiln.runtime.Layer;
import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.optim.Optimizer;
import dev.kiln.runtime.optim.Sgd;
import dev.kiln.samples.fixtures.NormCnnModel;
import dev.kiln.samples.resnet.MiniResNetModel;
import dev.kiln.samples.fixtures.NormMlpModel;
import dev.kiln.samples.fixtures.ResidualMlpModel;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Networks with batch and layer normalization, and with residual blocks (issue 13's MiniResNet, a residual
 * MLP), trained through the public contract follow PyTorch step by step ({@code pytorch/norm_trajectory.py} recorded PyTorch's side): the same losses in training, where
 * batch normalization uses the batch's statistics; the same parameters, running statistics and batch
 * counters after the last step; and the same outputs from {@code forward}, which, as PyTorch's eval mode,
 * uses the running statistics.
 */
class NormAndResidualTrajectoryTest {
  private static JsonNode torch;

  @BeforeAll
  static void readPyTorchsSide() throws IOException {
    try (InputStream in = NormAndResidualTrajectoryTest.class.getResourceAsStream("/pytorch/norm-trajectory.json")) {
      torch = new ObjectMapper().readTree(in);
    }
  }

  static Stream<Arguments> networks() {
    return Stream.of(
        Arguments.of("NormMlp", (LongFunction<KilnModel>) NormMlpModel::create),
        Arguments.of("NormCnn", (LongFunction<KilnModel>) NormCnnModel::create),
        Arguments.of("MiniResNet", (LongFunction<KilnModel>) MiniResNetModel::create),
        Arguments.of("ResidualMlp", (LongFunction<KilnModel>) ResidualMlpModel::create));
  }

  /** Every network with every optimizer PyTorch recorded it with (MiniResNet: SGD with momentum, as the issue asks). */
  static Stream<Arguments> trajectories() {
    return networks().flatMap(arguments -> {
      String network = (String) arguments.get()[0];
      List<Arguments> cases = new ArrayList<>();
      JsonNode recorded = torch.get(network).get("cases");
      for (int i = 0; i < recorded.size(); i++) {
        cases.add(Arguments.of(network + ", " + recorded.get(i).get("optimizer").asText(), arguments.get()[1], network, i));
      }
      return cases.stream();
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void theStateDictHasPyTorchsNamesInPyTorchsOrder(String network, LongFunction<KilnModel> create) {
    List<String> names = new ArrayList<>();
    create.apply(0).stateDict().tensors().forEach(t -> names.add(t.name()));
    List<String> expected = new ArrayList<>();
    torch.get(network).get("names").forEach(n -> expected.add(n.asText()));
    assertEquals(expected, names);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trajectories")
  void trainingFollowsPyTorch(String name, LongFunction<KilnModel> create, String network, int optimizerCase) {
    String optimizer = torch.get(network).get("cases").get(optimizerCase).get("optimizer").asText();
    follow(torch.get(network), optimizerCase, create.apply(0),
        optimizer.equals("adam") ? Adam.lr(0.01f) : Sgd.lr(0.05f).momentum(0.9f));
  }

  private static void follow(JsonNode side, int optimizerCase, KilnModel model, Optimizer optimizer) {
    JsonNode expected = side.get("cases").get(optimizerCase);
    String what = expected.get("optimizer").asText();
    float[] initial = floats(side.get("initial"));
    assertEquals(initial.length, model.parameters().length, "parameters");
    System.arraycopy(initial, 0, model.parameters(), 0, initial.length);
    KilnTrainer trainer = model.trainer(optimizer);
    float[] x = floats(side.get("x"));
    float[] losses = new float[expected.get("losses").size()];
    for (int step = 0; step < losses.length; step++) {
      losses[step] = trainer instanceof ClassIndexTrainer classes
          ? classes.step(x, ints(side.get("y"))) : ((FloatTargetTrainer) trainer).step(x, floats(side.get("y")));
    }
    assertArrayEquals(floats(expected.get("losses")), losses, 1e-5f, what + " losses");
    assertArrayEquals(floats(expected.get("final")), model.parameters(), 1e-4f, what + " parameters");
    for (Iterator<Map.Entry<String, JsonNode>> it = expected.get("buffers").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> buffer = it.next();
      String key = buffer.getKey();
      String layerName = key.substring(0, key.lastIndexOf('.'));
      String tensor = key.substring(key.lastIndexOf('.') + 1);
      Layer layer = model.layers().stream().filter(l -> l.name().equals(layerName)).findFirst().orElseThrow();
      if (tensor.equals("num_batches_tracked")) {
        assertEquals(buffer.getValue().get(0).asLong(), layer.longTensor(tensor)[0], what + " " + key);
      } else {
        assertArrayEquals(floats(buffer.getValue()), layer.tensor(tensor), 1e-4f, what + " " + key);
      }
    }
    assertArrayEquals(floats(expected.get("eval")), model.forward(x), 1e-4f, what + " forward, in eval mode");
  }

  static int[] ints(JsonNode node) {
    int[] values = new int[node.size()];
    for (int i = 0; i < values.length; i++) values[i] = node.get(i).asInt();
    return values;
  }

  static float[] floats(JsonNode node) {
    float[] values = new float[node.size()];
    for (int i = 0; i < values.length; i++) values[i] = (float) node.get(i).asDouble();
    return values;
  }
}
