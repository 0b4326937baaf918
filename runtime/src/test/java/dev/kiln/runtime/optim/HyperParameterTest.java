package dev.kiln.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HyperParameterTest {

  @Test
  void withersReturnNewOptimizersAndLeaveTheOriginalAlone() {
    Sgd plain = Sgd.lr(0.1f);
    Sgd withMomentum = plain.momentum(0.9f);
    assertNotSame(plain, withMomentum);
    assertEquals(0f, plain.momentum());
    assertEquals(0.9f, withMomentum.momentum());
    assertEquals(0.1f, withMomentum.lr());
  }

  @Test
  void adamStartsWithPyTorchsDefaults() {
    Adam adam = Adam.lr(1e-3f);
    assertEquals(0.9f, adam.beta1());
    assertEquals(0.999f, adam.beta2());
    assertEquals(1e-8f, adam.eps());
    assertEquals(0f, adam.weightDecay());
  }

  @Test
  void aNegativeLearningRateIsRejectedWithItsValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sgd.lr(-0.1f));
    assertEquals("lr = -0.1 is invalid; expected a finite value >= 0", e.getMessage());
  }

  @Test
  void betasOutsideTheUnitIntervalAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Adam.lr(0.01f).betas(0.9f, 1f));
    assertEquals("beta2 = 1.0 is invalid; expected a value in [0, 1)", e.getMessage());
  }

  @Test
  void nesterovWithoutMomentumIsRejectedWhenTheTrainerIsMade() {
    Sgd sgd = Sgd.lr(0.1f).nesterov(true);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sgd.newState(3));
    assertEquals("Sgd.nesterov(true) needs momentum > 0 and dampening = 0; got momentum = 0.0, dampening = 0.0",
        e.getMessage());
  }

  @Test
  void nesterovCanBeSetBeforeTheMomentumItNeeds() {
    Sgd.lr(0.1f).nesterov(true).momentum(0.9f).newState(3);
  }

  @Test
  void adamWDecaysByOneHundredthByDefault() {
    assertEquals(0.01f, AdamW.lr(1e-3f).weightDecay());
  }

  @Test
  void theLearningRateCanChangeBetweenSteps() {
    OptimizerState state = Sgd.lr(0.1f).newState(1);
    float[] p = {1f};
    state.step(p, new float[] {1f});
    assertEquals(0.9f, p[0], 1e-7);
    state.learningRate(0.5f);
    state.step(p, new float[] {1f});
    assertEquals(0.4f, p[0], 1e-7);
    assertEquals(0.5f, state.learningRate());
  }
}
