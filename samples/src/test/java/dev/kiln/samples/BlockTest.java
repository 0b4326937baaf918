package dev.kiln.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.kiln.runtime.Layer;
import dev.kiln.samples.fixtures.BlockCnnModel;
import dev.kiln.samples.resnet.MiniResNetModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Blocks are sub-modules as PyTorch names them: each use of a block type has parameters of its own,
 * named {@code member.inner.weight}, and the model's block methods return the layers of that use.
 */
class BlockTest {
  @Test
  void eachUseOfABlockHasItsOwnTensorsNamedByItsPath() {
    List<String> names = new ArrayList<>();
    BlockCnnModel.STATE_DICT.tensors().forEach(t -> names.add(t.name()));
    assertEquals(List.of("stem.conv.weight", "stem.bn.weight", "stem.bn.bias", "stem.bn.running_mean",
        "stem.bn.running_var", "stem.bn.num_batches_tracked", "body.first.conv.weight", "body.first.bn.weight",
        "body.first.bn.bias", "body.first.bn.running_mean", "body.first.bn.running_var",
        "body.first.bn.num_batches_tracked", "body.second.conv.weight", "body.second.bn.weight",
        "body.second.bn.bias", "body.second.bn.running_mean", "body.second.bn.running_var",
        "body.second.bn.num_batches_tracked", "hidden.weight", "hidden.bias", "out.weight", "out.bias"), names);
  }

  @Test
  void theModelsBlockMethodsReturnTheLayersOfThatUse() {
    BlockCnnModel model = BlockCnnModel.create(1);
    Layer conv = model.body().second().conv();
    assertEquals("body.second.conv", conv.name());
    assertEquals(List.of(3, 3, 3, 3), List.of(conv.tensors().get(0).shape()[0], conv.tensors().get(0).shape()[1],
        conv.tensors().get(0).shape()[2], conv.tensors().get(0).shape()[3]));
    assertSame(model.layers().stream().filter(l -> l.name().equals("stem.bn")).findFirst().orElseThrow(),
        model.stem().bn());
  }

  @Test
  void aBatchTooLargeForOneSliceIsEvaluatedASliceAtATimeWithTheSameOutputs() {
    MiniResNetModel model = MiniResNetModel.create(2);
    int rows = 700; // slices of 334 rows hold 16 x 28 x 28 values per row in 16 MiB
    float[] x = new float[rows * 784];
    java.util.Random random = new java.util.Random(3);
    for (int i = 0; i < x.length; i++) x[i] = random.nextFloat();
    float[] whole = model.forward(x);
    assertEquals(rows * 10, whole.length);
    for (int first = 0; first < rows; first += 100) {
      float[] part = model.forward(java.util.Arrays.copyOfRange(x, first * 784, (first + 100) * 784));
      for (int i = 0; i < part.length; i++) {
        assertEquals(part[i], whole[first * 10 + i], 1e-5f, "row " + (first + i / 10));
      }
    }
  }

  @Test
  void theInputChannelsOfABlocksFirstLayerFlowInFromWhereItIsUsed() {
    BlockCnnModel model = BlockCnnModel.create(1);
    assertEquals(2, model.stem().conv().tensors().get(0).shape()[1]);
    assertEquals(3, model.body().first().conv().tensors().get(0).shape()[1]);
  }
}
