package dev.kiln.runtime.seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** {@code nn.Embedding}'s lookup, and its gradient, which skips the padding row. */
class EmbeddingTest {
  /** Three rows of two values, after one value of another tensor. */
  private static final float[] P = {9f, 0f, 0f, 1f, 2f, 3f, 4f};

  @Test
  void eachTokenPicksItsRow() {
    float[] y = new float[6];
    Embedding.forward(new int[] {2, 0, 1}, P, 1, y, 3, 2);
    assertArrayEquals(new float[] {3f, 4f, 0f, 0f, 1f, 2f}, y);
  }

  @Test
  void repeatedTokensAddTheirGradientsAndThePaddingRowGetsNone() {
    float[] g = {7f, 5f, 5f, 5f, 5f, 5f, 5f};
    Embedding.backward(new int[] {2, 0, 2, 1}, new float[] {1f, 2f, 10f, 20f, 3f, 4f, 0.5f, 0.25f}, g, 1, 4,
        2, 3, 0);
    assertArrayEquals(new float[] {7f, 0f, 0f, 0.5f, 0.25f, 4f, 6f}, g);
  }
}
