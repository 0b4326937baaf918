package dev.kiln.runtime.activation;

/** Inverted dropout for training: zero each value with probability p, scale the rest by 1 / (1 - p). */
public final class Dropout {
  private Dropout() {}

  /** {@code y = x · mask} over {@code n} values, drawing a new {@code mask} from {@code random}. */
  public static void forward(float[] x, float[] y, float[] mask, int n, float p, DropoutRandom random) {
    random.mask(mask, 0, n, p);
    for (int i = 0; i < n; i++) y[i] = x[i] * mask[i];
  }

  /** {@code dx = dy · mask}: no gradient flows through a dropped value. */
  public static void backward(float[] dy, float[] mask, float[] dx, int n) {
    for (int i = 0; i < n; i++) dx[i] = dy[i] * mask[i];
  }
}
