package dev.kiln.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.runtime.ClassIndexTrainer;
import dev.kiln.runtime.Layer;
import dev.kiln.runtime.optim.Adam;
import dev.kiln.samples.fixtures.FlattenedMapsModel;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A model that reads feature maps: rows of C-H-W values, shapes known per layer, PyTorch's state dict. */
class ImageInputTest {

  @Test
  void eachRowIsOneImageOfChannelsTimesHeightTimesWidthValues() {
    FlattenedMapsModel model = FlattenedMapsModel.create(1);
    assertEquals(12, model.inputSize());
    assertEquals(3, model.forward(new float[2 * 12]).length / 2);
  }

  @Test
  void layersKnowTheShapesTheyReadAndWrite() {
    FlattenedMapsModel model = FlattenedMapsModel.create(1);
    Layer flatten = model.flatten();
    assertArrayEquals(new int[] {3, 2, 2}, flatten.inputShape());
    assertArrayEquals(new int[] {12}, flatten.outputShape());
    assertEquals("flatten: Flatten(3 x 2 x 2 -> 12)", flatten.toString());
  }

  @Test
  void theStateDictHasPyTorchsNamesWithOneSlopePerChannel() {
    assertEquals("[perChannel.weight[3]@0, hidden.weight[5, 12]@3, hidden.bias[5]@63, hidden.prelu.weight[5]@68,"
        + " out.weight[3, 5]@73, out.bias[3]@88]", FlattenedMapsModel.STATE_DICT.tensors().toString());
  }

  @Test
  void trainingOnImagesLowersTheLoss() {
    FlattenedMapsModel model = FlattenedMapsModel.create(2);
    ClassIndexTrainer trainer = model.trainer(Adam.lr(0.01f));
    Random random = new Random(3);
    float[] x = new float[32 * 12];
    int[] labels = new int[32];
    for (int r = 0; r < 32; r++) {
      labels[r] = r % 3;
      for (int i = 0; i < 12; i++) {
        // The class lights up its own channel.
        x[r * 12 + i] = (float) random.nextGaussian() * 0.3f + (i / 4 == labels[r] ? 1f : 0f);
      }
    }
    float first = trainer.step(x, labels);
    float last = first;
    for (int step = 0; step < 200; step++) last = trainer.step(x, labels);
    assertTrue(last < first / 4, "loss " + first + " -> " + last);
  }
}
