package dev.kiln.runtime.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A batch is checked against the model's widest workspace, so that a workspace's size never wraps. */
class BatchesTest {

  @Test
  void aBatchWithinTheLimitGivesItsRows() {
    assertEquals(3, Batches.rows(new float[6], 2, 1_000_000));
  }

  @Test
  void aBatchWhoseWidestWorkspaceWouldOverflowAnArrayIsRefusedNamingItsRows() {
    // 200 rows of a layer 20,000,000 wide are 4,000,000,000 values: rows * width wraps an int.
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Batches.rows(new float[200], 1, 20_000_000));
    assertEquals("x has 200 rows; expected at most 107, since the widest layer holds 20000000 values per row and"
        + " a Java array at most 2147483639. Split the batch", e.getMessage());
  }

  @Test
  void theLastRowThatFitsIsAccepted() {
    assertEquals(107, Batches.rows(new float[107], 1, 20_000_000));
  }
}
