package dev.kiln.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.KilnTrainer;
import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.optim.Sgd;
import dev.kiln.samples.fixtures.CrossEntropyWeightedIgnoringSmoothedModel;
import dev.kiln.samples.fixtures.CrossEntropyWeightedIgnoringSmoothedTrainer;
import dev.kiln.samples.fixtures.LinearCeModel;
import dev.kiln.samples.fixtures.SquaredErrorModel;
import dev.kiln.runtime.testing.Batch;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What a generated trainer does beyond one plain step: ignored targets, learning rates, clipping. */
class TrainerBehaviourTest {
  private static final float[] X = {0.5f, -1f, 2f, 0.1f, -0.3f, 0.8f, 1.5f, -2f};

  @Test
  void aBatchWhoseTargetsAreAllIgnoredReturnsNaNAndChangesNothing() {
    // ignoreIndex is 1: the middle batch has nothing to learn from.
    CrossEntropyWeightedIgnoringSmoothedModel model = CrossEntropyWeightedIgnoringSmoothedModel.create(1);
    CrossEntropyWeightedIgnoringSmoothedTrainer trainer = model.trainer(Sgd.lr(0.1f).momentum(0.9f));
    CrossEntropyWeightedIgnoringSmoothedModel twin = CrossEntropyWeightedIgnoringSmoothedModel.create(1);
    CrossEntropyWeightedIgnoringSmoothedTrainer twinTrainer = twin.trainer(Sgd.lr(0.1f).momentum(0.9f));

    trainer.step(X, new int[] {0, 2});
    float[] before = model.parameters().clone();
    float loss = trainer.step(X, new int[] {1, 1});
    assertTrue(Float.isNaN(loss), "loss " + loss);
    assertArrayEquals(before, model.parameters(), "parameters after the ignored batch");
    trainer.step(X, new int[] {2, 0});

    // Had the ignored batch touched the momentum buffer, the two runs would part here.
    twinTrainer.step(X, new int[] {0, 2});
    twinTrainer.step(X, new int[] {2, 0});
    assertArrayEquals(twin.parameters(), model.parameters());
  }

  @Test
  void aChangedLearningRateAppliesFromTheNextStep() {
    KilnModel model = SquaredErrorModel.create(2);
    KilnTrainer trainer = model.trainer(Sgd.lr(0.1f));
    Batch batch = Batch.random(model, trainer, 2, 3);
    assertEquals(0.1f, trainer.learningRate());
    trainer.setLearningRate(0f);
    float[] before = model.parameters().clone();
    batch.step(trainer);
    assertArrayEquals(before, model.parameters(), "a learning rate of 0 moves nothing");
    trainer.setLearningRate(0.5f);
    batch.step(trainer);
    float[] gradients = trainer.gradients();
    for (int i = 0; i < before.length; i++) {
      assertEquals(before[i] - 0.5f * gradients[i], model.parameters()[i], 1e-6, "parameter " + i);
    }
  }

  @Test
  void clippingBoundsTheGlobalNormOfTheGradients() {
    KilnModel model = SquaredErrorModel.create(2);
    KilnTrainer trainer = model.trainer(Sgd.lr(0f));
    Batch batch = Batch.random(model, trainer, 4, 3);
    batch.step(trainer);
    double unclipped = norm(trainer.gradients());
    trainer.setMaxGradientNorm((float) (unclipped / 4));
    batch.step(trainer);
    assertEquals(unclipped / 4, norm(trainer.gradients()), unclipped * 1e-5);
  }

  @Test
  void aMaxGradientNormThatIsNotPositiveIsRejected() {
    KilnTrainer trainer = SquaredErrorModel.create(2).trainer(Sgd.lr(0.1f));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer.setMaxGradientNorm(0f));
    assertEquals("maxNorm = 0.0 is invalid; expected a value > 0 (Float.POSITIVE_INFINITY turns clipping off)",
        e.getMessage());
  }

  @Test
  void crossEntropyStaysFiniteForLogitsOfMagnitudeTenThousand() {
    LinearCeModel model = LinearCeModel.create(0);
    Arrays.fill(model.parameters(), 0, 12, 2500f);
    model.parameters()[0] = -2500f;
    float[] x = {1f, 1f, 1f, 1f, -1f, 1f, -1f, 1f};
    float[] logits = model.forward(x);
    assertTrue(Math.abs(logits[0]) >= 5000f, "logits " + Arrays.toString(logits));
    float loss = model.trainer(Adam.lr(1e-3f)).step(x, new int[] {0, 2});
    assertTrue(Float.isFinite(loss), "loss " + loss);
    for (float p : model.probabilities(x)) assertTrue(Float.isFinite(p));
    assertFalse(Float.isNaN(model.parameters()[0]));
  }

  private static double norm(float[] values) {
    double sum = 0;
    for (float v : values) sum += (double) v * v;
    return Math.sqrt(sum);
  }
}
