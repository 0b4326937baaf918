package dev.kiln.runtime.seq;

/**
 * A batch of token ids checked before anything reads it, and the padding mask it gives attention and
 * pooling. PyTorch indexes out of range with {@code index out of range in self} deep inside the
 * embedding, and returns NaN for a row whose keys are all padding; here both are an error at the call
 * that names the row.
 */
public final class Tokens {
  /** The padding index of an embedding without one. */
  public static final int NO_PADDING = -1;

  private Tokens() {}

  /**
   * Checks that every id of {@code rows} rows of {@code length} tokens is in [0, vocabulary) and that no
   * row is only padding, then writes {@code padding[r·length + t]}: whether that position holds
   * {@code paddingIndex} ({@link #NO_PADDING}: none does).
   *
   * @throws IllegalArgumentException naming the row, the position and the id that is out of range, or
   *     the row that holds only padding
   */
  public static void check(int[] tokens, int rows, int length, int vocabulary, int paddingIndex,
      boolean[] padding) {
    for (int r = 0; r < rows; r++) {
      boolean content = false;
      for (int t = 0; t < length; t++) {
        int id = tokens[r * length + t];
        if (id < 0 || id >= vocabulary) {
          throw new IllegalArgumentException("token id " + id + " at row " + r + ", position " + t
              + " is outside the vocabulary: ids must be in [0, " + vocabulary + ")");
        }
        boolean pad = id == paddingIndex;
        padding[r * length + t] = pad;
        content |= !pad;
      }
      if (!content) {
        throw new IllegalArgumentException("row " + r + " holds only padding (token id " + paddingIndex
            + "): it has no position to attend to or pool; give each row at least one token");
      }
    }
  }
}
