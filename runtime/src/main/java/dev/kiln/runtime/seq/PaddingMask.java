package dev.kiln.runtime.seq;

/**
 * The padding positions of the last batch of tokens a model or trainer read, for its attention and pooling;
 * grown to the largest batch seen, so that a step allocates nothing once a batch size has been seen.
 */
public final class PaddingMask {
  private boolean[] positions = new boolean[0];

  /**
   * Checks {@code tokens} as {@link Tokens#check} does and marks its padding positions.
   *
   * @throws IllegalArgumentException as {@link Tokens#check} does, before anything changes
   */
  public void check(int[] tokens, int rows, int length, int vocabulary, int paddingIndex) {
    if (positions.length < rows * length) positions = new boolean[rows * length];
    Tokens.check(tokens, rows, length, vocabulary, paddingIndex, positions);
  }

  /** [rows x length]: whether each position of the last batch checked is padding. */
  public boolean[] positions() {
    return positions;
  }
}
