package dev.kiln.runtime.activation;

import dev.kiln.runtime.kernel.Epilogue;

/**
 * An activation as generated code applies it: row by row, right after a layer writes its output row,
 * and backwards from the gradient of its output. Implementations are immutable.
 *
 * <p>{@code z} is the activation's input and {@code y} its output; forward may run in place
 * ({@code z == y}) unless {@link #needsInput()}, in which case the trainer keeps {@code z} for backward.
 */
public interface Activation extends Epilogue {
  Activation IDENTITY = Elementwise.IDENTITY;
  Activation RELU = Elementwise.RELU;
  Activation TANH = Elementwise.TANH;
  Activation SIGMOID = Elementwise.SIGMOID;
  Activation SILU = Elementwise.SILU;
  Activation SOFTMAX = new Softmax();
  Activation LOG_SOFTMAX = new LogSoftmax();

  /** {@code nn.LeakyReLU(negativeSlope)}. */
  static Activation leakyRelu(float negativeSlope) {
    return new LeakyRelu(negativeSlope);
  }

  /** {@code nn.ELU(alpha)}. */
  static Activation elu(float alpha) {
    return new Elu(alpha);
  }

  /** {@code nn.GELU()}, with the exact normal CDF. */
  static Activation gelu() {
    return Gelu.EXACT;
  }

  /** {@code nn.GELU(approximate="tanh")}. */
  static Activation geluTanh() {
    return Gelu.TANH;
  }

  /** {@code nn.Softplus(beta, threshold)}. */
  static Activation softplus(float beta, float threshold) {
    return new Softplus(beta, threshold);
  }

  /** Whether {@link #backwardRow} reads the input {@code z}; otherwise it needs only the output {@code y}. */
  default boolean needsInput() {
    return false;
  }

  /** Turns {@code dy}, the gradient of the output row, into the gradient of the input row, in place. */
  void backwardRow(float[] z, float[] y, float[] dy, int off, int n);

  /** Applies the activation in place. */
  default void forward(float[] y, int rows, int cols) {
    forward(y, y, rows, cols);
  }

  /** Back-propagates through {@code rows} rows, given the activation's input {@code z} and output {@code y}. */
  default void backward(float[] z, float[] y, float[] dy, int rows, int cols) {
    for (int r = 0; r < rows; r++) backwardRow(z, y, dy, r * cols, cols);
  }

  /** The logistic function, without overflow for any input. */
  static float sigmoid(float x) {
    return (float) Elementwise.sigmoid(x);
  }
}
