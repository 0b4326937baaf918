package dev.kiln.runtime.seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TokensTest {
  @Test
  void paddingMarksThePositionsHoldingThePaddingIndex() {
    boolean[] padding = new boolean[6];
    Tokens.check(new int[] {3, 1, 0, 2, 0, 0}, 2, 3, 4, 0, padding);
    assertArrayEquals(new boolean[] {false, false, true, false, true, true}, padding);
  }

  @Test
  void anIdOutsideTheVocabularyNamesRowPositionIdAndVocabulary() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Tokens.check(new int[] {1, 2, 3, 9}, 2, 2, 4, Tokens.NO_PADDING, new boolean[4]));
    assertEquals("token id 9 at row 1, position 1 is outside the vocabulary: ids must be in [0, 4)",
        e.getMessage());
  }

  @Test
  void aNegativeIdIsOutsideTheVocabulary() {
    assertThrows(IllegalArgumentException.class,
        () -> Tokens.check(new int[] {-1, 2}, 1, 2, 4, Tokens.NO_PADDING, new boolean[2]));
  }

  @Test
  void aRowOfOnlyPaddingIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Tokens.check(new int[] {1, 0, 0, 0}, 2, 2, 4, 0, new boolean[4]));
    assertEquals("row 1 holds only padding (token id 0): it has no position to attend to or pool; "
        + "give each row at least one token", e.getMessage());
  }
}
