package dev.kiln.runtime.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.dsl.Reduction;
import org.junit.jupiter.api.Test;

class TargetCheckTest {
  private static final CrossEntropy CE = CrossEntropy.of(Reduction.MEAN);

  @Test
  void aClassIndexOutsideTheClassesNamesTheRowTheValueAndTheRange() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CE.compute(new float[6], new int[] {0, 2, 1}, new float[6], 3, 2));
    assertEquals("targets[1] = 2 is not a class index; expected a value in [0, 2)", e.getMessage());
  }

  @Test
  void theIgnoredClassIsNamedAsAnAllowedValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CE.ignoreIndex(7).compute(new float[4], new int[] {0, 5}, new float[4], 2, 2));
    assertEquals("targets[1] = 5 is not a class index; expected a value in [0, 2) or the ignored class 7",
        e.getMessage());
  }

  @Test
  void aNegativeClassIndexIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NegativeLogLikelihood.of(Reduction.MEAN).compute(new float[4], new int[] {-1, 0}, new float[4], 2, 2));
    assertEquals("targets[0] = -1 is not a class index; expected a value in [0, 2)", e.getMessage());
  }

  @Test
  void tooFewClassIndicesNamesBothCounts() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CE.compute(new float[6], new int[] {0}, new float[6], 3, 2));
    assertEquals("targets has 1 class indices but the batch has 3 rows; expected one class index per row",
        e.getMessage());
  }

  @Test
  void floatTargetsOfTheWrongLengthNameBothLengths() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MeanSquaredError.of(Reduction.MEAN).compute(new float[6], new float[5], new float[6], 3, 2));
    assertEquals("targets has 5 values but the output has 6 (3 rows x 2); expected one target per output",
        e.getMessage());
  }

  @Test
  void classWeightsOfTheWrongLengthAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CE.weight(1f, 2f, 3f).compute(new float[4], new int[] {0, 1}, new float[4], 2, 2));
    assertEquals("weight has 3 values; expected 2 (one per output)", e.getMessage());
  }

  @Test
  void theGradientIsNotTouchedWhenTheTargetsAreRejected() {
    float[] grad = {7f, 7f, 7f, 7f};
    assertThrows(IllegalArgumentException.class, () -> CE.compute(new float[4], new int[] {0, 5}, grad, 2, 2));
    assertEquals(7f, grad[0]);
  }

  @Test
  void aMeanOverOnlyIgnoredTargetsIsNaNAsInPyTorch() {
    float[] grad = new float[4];
    float loss = CE.ignoreIndex(1).compute(new float[] {1f, 2f, 3f, 4f}, new int[] {1, 1}, grad, 2, 2);
    assertTrue(Float.isNaN(loss));
  }

  @Test
  void aSumOverOnlyIgnoredTargetsIsZero() {
    float loss = CrossEntropy.of(Reduction.SUM).ignoreIndex(1)
        .compute(new float[] {1f, 2f, 3f, 4f}, new int[] {1, 1}, new float[4], 2, 2);
    assertEquals(0f, loss);
  }

  @Test
  void batchMeanIsForKlDivergenceOnly() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MeanSquaredError.of(Reduction.BATCHMEAN));
    assertEquals("reduction BATCHMEAN is for KL_DIV only; MSE takes MEAN or SUM", e.getMessage());
  }

  @Test
  void labelSmoothingOutsideTheUnitIntervalIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CE.labelSmoothing(1.5f));
    assertEquals("labelSmoothing = 1.5 is invalid; expected a value in [0, 1]", e.getMessage());
  }
}
