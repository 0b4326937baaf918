package dev.kiln.samples.blobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.runtime.Layer;
import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.optim.Sgd;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The generated BlobNetModel and BlobNetTrainer keep the public contract. */
class BlobNetContractTest {
  private static final float[] X = {2f, 2f, -2f, -2f, 1.5f, 2.5f};

  @Test
  void theSameSeedGivesTheSameParameters() {
    assertArrayEquals(BlobNetModel.create(3).parameters(), BlobNetModel.create(3).parameters());
    assertFalse(Arrays.equals(BlobNetModel.create(3).parameters(), BlobNetModel.create(4).parameters()));
  }

  @Test
  void initialValuesLieWithinPyTorchsBoundOfOneOverRootIn() {
    BlobNetModel model = BlobNetModel.create(1);
    for (Layer layer : model.layers()) {
      double bound = 1 / Math.sqrt(layer.in());
      for (float w : layer.weight()) assertTrue(Math.abs(w) <= bound, layer.name() + " weight " + w);
      for (float b : layer.bias()) assertTrue(Math.abs(b) <= bound, layer.name() + " bias " + b);
    }
  }

  @Test
  void theModelImplementsTheDeclaredInterfaceWithItsLayers() {
    BlobNet net = BlobNetModel.create(0);
    assertEquals("hidden", net.hidden().name());
    assertEquals(2, net.hidden().in());
    assertEquals(10, net.hidden().out());
    assertEquals(10, net.out().in());
    assertEquals(20, net.hidden().weight().length);
  }

  @Test
  void forwardGivesOneRowOfLogitsPerInputRow() {
    assertEquals(3 * 2, BlobNetModel.create(0).forward(X).length);
  }

  @Test
  void probabilitiesAreTheSoftmaxOfTheLogits() {
    BlobNetModel model = BlobNetModel.create(0);
    float[] logits = model.forward(X);
    float[] p = model.probabilities(X);
    for (int r = 0; r < 3; r++) {
      assertEquals(1.0, p[2 * r] + p[2 * r + 1], 1e-6);
      double expected = 1 / (1 + Math.exp(logits[2 * r + 1] - logits[2 * r]));
      assertEquals(expected, p[2 * r], 1e-6);
    }
  }

  @Test
  void predictGivesTheClassOfTheLargestLogit() {
    BlobNetModel model = BlobNetModel.create(0);
    float[] logits = model.forward(X);
    int[] classes = model.predict(X);
    for (int r = 0; r < 3; r++) assertEquals(logits[2 * r + 1] > logits[2 * r] ? 1 : 0, classes[r]);
  }

  @Test
  void aStepReturnsTheLossBeforeItsUpdateAndChangesTheParameters() {
    BlobNetModel model = BlobNetModel.create(0);
    float[] before = model.parameters().clone();
    BlobNetTrainer trainer = model.trainer(Sgd.lr(0.1f));
    float first = trainer.step(X, new int[] {0, 1, 0});
    assertFalse(Arrays.equals(before, model.parameters()));
    float second = trainer.step(X, new int[] {0, 1, 0});
    assertTrue(second < first, "the loss falls: " + first + " then " + second);
  }

  @Test
  void anyBatchSizeWorksAndBatchSizesMayChange() {
    BlobNetTrainer trainer = BlobNetModel.create(0).trainer(Adam.lr(0.01f));
    trainer.step(X, new int[] {0, 1, 0});
    trainer.step(new float[] {1f, 1f}, new int[] {0});
    trainer.step(X, new int[] {0, 1, 0});
  }

  @Test
  void anXWhoseLengthIsNotAWholeNumberOfRowsIsRejectedWithTheLength() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BlobNetModel.create(0).forward(new float[] {1f, 2f, 3f}));
    assertEquals("x has 3 values; expected a positive multiple of 2 (rows of 2 features)", e.getMessage());
  }

  @Test
  void aClassIndexOutsideTheClassesIsRejectedAndNothingIsUpdated() {
    BlobNetModel model = BlobNetModel.create(0);
    float[] before = model.parameters().clone();
    BlobNetTrainer trainer = model.trainer(Sgd.lr(0.1f).momentum(0.9f));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> trainer.step(X, new int[] {0, 2, 1}));
    assertEquals("targets[1] = 2 is not a class index; expected a value in [0, 2)", e.getMessage());
    assertArrayEquals(before, model.parameters());
  }

  @Test
  void aWrongNumberOfTargetsIsRejected() {
    BlobNetTrainer trainer = BlobNetModel.create(0).trainer(Sgd.lr(0.1f));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> trainer.step(X, new int[] {0, 1}));
    assertEquals("targets has 2 class indices but the batch has 3 rows; expected one class index per row",
        e.getMessage());
  }

  @Test
  void aTrainerUpdatesTheParametersOfTheModelThatMadeIt() {
    BlobNetModel model = BlobNetModel.create(0);
    float[] live = model.parameters();
    float[] before = live.clone();
    BlobNetTrainer trainer = model.trainer(Sgd.lr(0.1f));
    trainer.step(X, new int[] {0, 1, 0});
    assertSame(model, trainer.model());
    assertSame(live, model.parameters());
    assertFalse(Arrays.equals(before, live));
  }
}
