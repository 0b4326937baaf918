package dev.kiln.samples.lenet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.runtime.ClassIndexTrainer;
import dev.kiln.runtime.optim.Adam;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sample's LeNet-5, declared as issue 12's public contract declares it, lays out PyTorch's state dict and learns. */
class LeNet5Test {

  @Test
  void everyInIsInferredFromTheShapesThatFlowIn() {
    LeNet5Model model = LeNet5Model.create(0);
    assertEquals(784, model.inputSize());
    assertArrayEquals(new int[] {16, 5, 5}, model.flatten().inputShape());
    assertEquals(400, model.fc1().in());
    assertEquals(10, model.outputSize());
  }

  @Test
  void theStateDictHasPyTorchsNamesAndShapes() {
    assertEquals("[conv1.weight[6, 1, 5, 5]@0, conv1.bias[6]@150, conv2.weight[16, 6, 5, 5]@156,"
        + " conv2.bias[16]@2556, fc1.weight[120, 400]@2572, fc1.bias[120]@50572, fc2.weight[84, 120]@50692,"
        + " fc2.bias[84]@60772, fc3.weight[10, 84]@60856, fc3.bias[10]@61696]",
        LeNet5Model.STATE_DICT.tensors().toString());
    assertEquals(61706, LeNet5Model.PARAMETER_COUNT);
  }

  @Test
  void itsSummaryShowsEachMembersOutputShapeAndParametersAsKerasDoes() {
    assertEquals("LeNet5Model[conv1: Conv2d(1 x 28 x 28 -> 6 x 28 x 28, kernel 5, padding 2) + ReLU -> 6 x 28 x 28"
        + " (156 parameters), pool1: MaxPool2d(6 x 28 x 28 -> 6 x 14 x 14, kernel 2) -> 6 x 14 x 14 (0 parameters),"
        + " conv2: Conv2d(6 x 14 x 14 -> 16 x 10 x 10, kernel 5) + ReLU -> 16 x 10 x 10 (2416 parameters),"
        + " pool2: MaxPool2d(16 x 10 x 10 -> 16 x 5 x 5, kernel 2) -> 16 x 5 x 5 (0 parameters),"
        + " flatten: Flatten(16 x 5 x 5 -> 400) -> 400 (0 parameters), fc1: Linear(400 -> 120) + ReLU -> 120"
        + " (48120 parameters), fc2: Linear(120 -> 84) + ReLU -> 84 (10164 parameters), fc3: Linear(84 -> 10) -> 10"
        + " (850 parameters); 61706 parameters; loss CROSS_ENTROPY]", LeNet5Model.create(0).toString());
  }

  @Test
  void itLearnsToTellBrightQuadrantsApart() {
    LeNet5Model model = LeNet5Model.create(1);
    ClassIndexTrainer trainer = model.trainer(Adam.lr(1e-3f));
    Random random = new Random(2);
    int rows = 32;
    float[] x = new float[rows * 784];
    int[] labels = new int[rows];
    for (int r = 0; r < rows; r++) {
      labels[r] = r % 4;
      for (int i = 0; i < 784; i++) {
        int quadrant = (i / 28 / 14) * 2 + (i % 28) / 14;
        x[r * 784 + i] = (float) random.nextGaussian() * 0.2f + (quadrant == labels[r] ? 1f : 0f);
      }
    }
    float first = trainer.step(x, labels);
    float last = first;
    for (int step = 0; step < 40; step++) last = trainer.step(x, labels);
    assertTrue(last < first / 3, "loss " + first + " -> " + last);
    int[] predicted = model.predict(x);
    assertArrayEquals(labels, predicted);
  }
}
