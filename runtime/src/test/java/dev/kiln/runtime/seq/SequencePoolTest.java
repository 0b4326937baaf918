package dev.kiln.runtime.seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Pooling a sequence [3 x 2] over its positions; the last position of the second row is padding. */
class SequencePoolTest {
  private static final float[] X = {1f, -2f, 3f, 4f, 5f, -6f, /* row 1 */ 2f, 8f, -4f, 2f, 100f, 100f};
  private static final boolean[] PADDING = {false, false, false, false, false, true};

  private static float[] forward(SequencePool.Mode mode) {
    float[] y = new float[4];
    new SequencePool(mode, 3, 2).forward(X, PADDING, y, 2);
    return y;
  }

  @Test
  void firstTakesTheFirstPosition() {
    assertArrayEquals(new float[] {1f, -2f, 2f, 8f}, forward(SequencePool.Mode.FIRST));
  }

  @Test
  void meanAveragesThePositionsThatAreNotPadding() {
    assertArrayEquals(new float[] {3f, -4f / 3f, -1f, 5f}, forward(SequencePool.Mode.MEAN));
  }

  @Test
  void maxSkipsPadding() {
    assertArrayEquals(new float[] {5f, 4f, 2f, 8f}, forward(SequencePool.Mode.MAX));
  }

  @Test
  void maxSendsEachGradientToThePositionItCameFrom() {
    SequencePool pool = new SequencePool(SequencePool.Mode.MAX, 3, 2);
    pool.forward(X, PADDING, new float[4], 2);
    float[] dx = new float[12];
    pool.backward(new float[] {1f, 2f, 3f, 4f}, PADDING, dx, 2);
    assertArrayEquals(new float[] {0f, 0f, 0f, 2f, 1f, 0f, 3f, 4f, 0f, 0f, 0f, 0f}, dx);
  }

  @Test
  void meanSpreadsTheGradientOverThePositionsThatAreNotPadding() {
    SequencePool pool = new SequencePool(SequencePool.Mode.MEAN, 3, 2);
    pool.forward(X, PADDING, new float[4], 2);
    float[] dx = new float[12];
    pool.backward(new float[] {3f, 6f, 2f, 4f}, PADDING, dx, 2);
    assertArrayEquals(new float[] {1f, 2f, 1f, 2f, 1f, 2f, 1f, 2f, 1f, 2f, 0f, 0f}, dx);
  }
}
