package dev.kiln.runtime.conv;

/** One way of computing a convolution's three passes; {@link Conv2d} holds the one chosen. */
interface Convolution {
  /** {@code z = conv(x) + b} for {@code rows} examples; {@code bOff < 0}: no bias. */
  void forward(float[] x, float[] p, int wOff, int bOff, float[] z, int rows);

  /** {@code dx = convᵀ(dz)}, overwritten. */
  void inputGradient(float[] dz, float[] p, int wOff, float[] dx, int rows);

  /** The gradients of weight and bias ({@code bOff < 0}: none), overwritten, summed over the rows. */
  void parameterGradient(float[] dz, float[] x, float[] g, int wOff, int bOff, int rows);
}
