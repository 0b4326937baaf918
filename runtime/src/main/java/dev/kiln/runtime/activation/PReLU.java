package dev.kiln.runtime.activation;

/**
 * {@code nn.PReLU}: {@code x} above 0, {@code a · x} at and below, with learnable slopes {@code a} that
 * live in the model's parameter array: one shared by all, one for every feature, or, on feature maps,
 * one for every channel, covering that channel's height x width values of each row.
 */
public final class PReLU implements Activation {
  private final float[] parameters;
  private final int offset;
  private final int count;
  private final int valuesPerSlope;

  /**
   * @param offset where the slopes start in {@code parameters}
   * @param count 1 for one shared slope, or the number of features
   */
  public PReLU(float[] parameters, int offset, int count) {
    this(parameters, offset, count, 1);
  }

  /**
   * @param count 1 for one shared slope, or the number of channels
   * @param valuesPerSlope the values of a row each slope covers in turn: a channel's height x width
   */
  public PReLU(float[] parameters, int offset, int count, int valuesPerSlope) {
    this.parameters = parameters;
    this.offset = offset;
    this.count = count;
    this.valuesPerSlope = valuesPerSlope;
  }

  /** The slope that value {@code c} of a row uses. */
  private int slopeIndex(int c) {
    return count == 1 ? 0 : c / valuesPerSlope;
  }

  @Override
  public boolean needsInput() {
    return true;
  }

  private float slope(int feature) {
    return parameters[offset + slopeIndex(feature)];
  }

  @Override
  public void forwardRow(float[] z, float[] y, int off, int n) {
    for (int c = 0; c < n; c++) {
      float x = z[off + c];
      y[off + c] = x > 0f ? x : slope(c) * x;
    }
  }

  @Override
  public void backwardRow(float[] z, float[] y, float[] dy, int off, int n) {
    for (int c = 0; c < n; c++) if (!(z[off + c] > 0f)) dy[off + c] *= slope(c);
  }

  /**
   * Writes the gradient of the slopes into {@code grads} at this activation's offset, from the input
   * {@code z} and the gradient of the output {@code dy}; call it before {@link #backward}, which
   * overwrites {@code dy}.
   */
  public void slopeGradient(float[] z, float[] dy, float[] grads, int rows, int cols) {
    java.util.Arrays.fill(grads, offset, offset + count, 0f);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        int i = r * cols + c;
        if (!(z[i] > 0f)) grads[offset + slopeIndex(c)] += z[i] * dy[i];
      }
    }
  }
}
