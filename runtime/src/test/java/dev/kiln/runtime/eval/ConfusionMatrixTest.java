package dev.kiln.runtime.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
  // Actual 0 0 0 1 1 2; predicted 0 0 1 1 2 2.
  private static final ConfusionMatrix M =
      ConfusionMatrix.of(new int[] {0, 0, 1, 1, 2, 2}, new int[] {0, 0, 0, 1, 1, 2}, 3);

  @Test
  void countsEachActualAgainstEachPredictedClass() {
    assertEquals(2, M.count(0, 0));
    assertEquals(1, M.count(0, 1));
    assertEquals(1, M.count(1, 2));
    assertEquals(6, M.total());
  }

  @Test
  void accuracyIsTheFractionOnTheDiagonal() {
    assertEquals(4.0 / 6, M.accuracy(), 1e-12);
  }

  @Test
  void precisionAndRecallArePerClass() {
    assertEquals(1.0 / 2, M.precision(1), 1e-12); // predicted 1 twice, right once
    assertEquals(2.0 / 3, M.recall(0), 1e-12); // three of class 0, two found
    assertEquals(1.0, M.recall(2), 1e-12);
  }

  @Test
  void aClassOutsideTheRangeIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ConfusionMatrix.of(new int[] {0, 3}, new int[] {0, 1}, 3));
    assertEquals("predicted[1] = 3 is not a class; expected [0, 3)", e.getMessage());
  }
}
