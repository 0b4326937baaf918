package dev.kiln.runtime.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kiln.dsl.Reduction;
import org.junit.jupiter.api.Test;

class TargetCheckTest {

  @Test
  void aClassIndexOutsideTheClassesNamesTheRowTheValueAndTheRange() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CrossEntropy.withLogits(new float[6], new int[] {0, 2, 3}, new float[6], 3, 2, Reduction.MEAN));
    assertEquals("targets[1] = 2 is not a class index; expected a value in [0, 2)", e.getMessage());
  }

  @Test
  void aNegativeClassIndexIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NegativeLogLikelihood.of(new float[4], new int[] {-1, 0}, new float[4], 2, 2, Reduction.MEAN));
    assertEquals("targets[0] = -1 is not a class index; expected a value in [0, 2)", e.getMessage());
  }

  @Test
  void tooFewClassIndicesNamesBothCounts() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CrossEntropy.withLogits(new float[6], new int[] {0}, new float[6], 3, 2, Reduction.MEAN));
    assertEquals("targets has 1 class indices but the batch has 3 rows; expected one class index per row",
        e.getMessage());
  }

  @Test
  void floatTargetsOfTheWrongLengthNameBothLengths() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MeanSquaredError.of(new float[6], new float[5], new float[6], 3, 2, Reduction.MEAN));
    assertEquals("targets has 5 values but the output has 6 (3 rows x 2); expected one target per output",
        e.getMessage());
  }

  @Test
  void theGradientIsNotTouchedWhenTheTargetsAreRejected() {
    float[] grad = {7f, 7f, 7f, 7f};
    assertThrows(IllegalArgumentException.class,
        () -> CrossEntropy.withLogits(new float[4], new int[] {0, 5}, grad, 2, 2, Reduction.MEAN));
    assertEquals(7f, grad[0]);
  }
}
