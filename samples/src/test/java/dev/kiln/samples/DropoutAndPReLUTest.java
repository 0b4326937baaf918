package dev.kiln.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.runtime.optim.Sgd;
import dev.kiln.runtime.testing.Batch;
import dev.kiln.runtime.testing.GradientChecker;
import dev.kiln.samples.fixtures.WithDropoutModel;
import dev.kiln.samples.fixtures.WithDropoutTrainer;
import dev.kiln.samples.fixtures.WithPReLUModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DropoutAndPReLUTest {
  @TempDir Path dir;

  @Test
  void dropoutIsOffOutsideTraining() {
    WithDropoutModel model = WithDropoutModel.create(3);
    float[] x = {1f, 2f, 3f, 4f, -1f, 0f, 1f, 2f};
    assertArrayEquals(model.forward(x), model.forward(x));
  }

  @Test
  void theSameDropoutSeedGivesTheSameTrainingRun() {
    assertArrayEquals(train(5), train(5));
  }

  @Test
  void anotherDropoutSeedGivesAnotherTrainingRun() {
    assertFalse(Arrays.equals(train(5), train(6)));
  }

  @Test
  void dropoutTrainingStillLowersTheLoss() {
    WithDropoutModel model = WithDropoutModel.create(3);
    Batch batch = Batch.random(model, model.trainer(Sgd.lr(0f)), 32, 9);
    WithDropoutTrainer trainer = model.trainer(Sgd.lr(0.05f), 1);
    double first = 0;
    double last = 0;
    for (int step = 0; step < 400; step++) {
      float loss = batch.step(trainer);
      if (step < 20) first += loss;
      if (step >= 380) last += loss;
    }
    assertTrue(last < first, "mean loss of the last 20 steps " + last / 20 + ", of the first 20 " + first / 20);
  }

  @Test
  void gradientsThroughDropoutMatchFiniteDifferencesUnderTheSameMasks() {
    WithDropoutModel model = WithDropoutModel.create(3);
    Batch batch = Batch.random(model, model.trainer(Sgd.lr(0f)), 6, 4);
    // Every trainer made with the same seed draws the same masks, so the loss is a function of the parameters.
    assertEquals(java.util.List.of(),
        GradientChecker.mismatches(model, () -> model.trainer(Sgd.lr(0f), 7), batch::step));
  }

  private static float[] train(long seed) {
    WithDropoutModel model = WithDropoutModel.create(3);
    Batch batch = Batch.random(model, model.trainer(Sgd.lr(0f)), 8, 4);
    WithDropoutTrainer trainer = model.trainer(Sgd.lr(0.1f), seed);
    for (int i = 0; i < 5; i++) batch.step(trainer);
    return model.parameters().clone();
  }

  @Test
  void preluSlopesAreInTheStateDictWithPyTorchsShapes() {
    assertEquals("[hidden.weight[6, 4]@0, hidden.bias[6]@24, hidden.prelu.weight[6]@30, alone.weight[1]@36,"
        + " out.weight[2, 6]@37, out.bias[2]@49]", WithPReLUModel.STATE_DICT.tensors().toString());
  }

  @Test
  void preluSlopesStartAtTheirDeclaredValue() {
    WithPReLUModel model = WithPReLUModel.create(0);
    float[] perFeature = Arrays.copyOfRange(model.parameters(), 30, 36);
    float[] expected = new float[6];
    Arrays.fill(expected, 0.3f);
    assertArrayEquals(expected, perFeature);
    assertArrayEquals(new float[] {0.25f}, model.alone().weight());
  }

  @Test
  void preluSlopesAreLearnedAndSaved() throws IOException {
    WithPReLUModel model = WithPReLUModel.create(0);
    Batch batch = Batch.random(model, model.trainer(Sgd.lr(0f)), 8, 2);
    batch.step(model.trainer(Sgd.lr(0.5f)));
    assertTrue(model.alone().weight()[0] != 0.25f, "the shared slope moved");
    Path file = dir.resolve("prelu.safetensors");
    model.save(file);
    assertArrayEquals(model.parameters(), WithPReLUModel.load(file).parameters());
  }
}
