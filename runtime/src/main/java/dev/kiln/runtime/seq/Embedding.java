package dev.kiln.runtime.seq;

import java.util.Arrays;

/**
 * {@code nn.Embedding(vocabulary, dim, padding_idx)}: each token id picks its row of the weight
 * [vocabulary x dim]. The padding row receives no gradient, as in PyTorch.
 */
public final class Embedding {
  private Embedding() {}

  /** {@code y[n] = weight[tokens[n]]} for {@code count} tokens; the weight starts at {@code p[wOff]}. */
  public static void forward(int[] tokens, float[] p, int wOff, float[] y, int count, int dim) {
    for (int n = 0; n < count; n++) System.arraycopy(p, wOff + tokens[n] * dim, y, n * dim, dim);
  }

  /**
   * The weight's gradient at {@code g[gOff]}, overwritten: each token's output gradient added to its row,
   * tokens in order, the padding row left zero.
   */
  public static void backward(int[] tokens, float[] dy, float[] g, int gOff, int count, int dim,
      int vocabulary, int paddingIndex) {
    Arrays.fill(g, gOff, gOff + vocabulary * dim, 0f);
    for (int n = 0; n < count; n++) {
      int id = tokens[n];
      if (id == paddingIndex) continue;
      int row = gOff + id * dim;
      for (int j = 0; j < dim; j++) g[row + j] += dy[n * dim + j];
    }
  }
}
