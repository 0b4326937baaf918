package dev.kiln.runtime.kernel;

/**
 * What a product applies to each output row while it is still in cache: an activation, as the kernels
 * see it. Kernels fuse the two they know ({@link Fused}) into their own vector loops and call
 * {@link #forwardRow} for the rest. The kernels own this type so that they depend on no activation.
 */
public interface Epilogue {
  /** The epilogues kernels recognise and apply inside their own loops. */
  enum Fused {
    /** Not recognised: the kernel calls {@link #forwardRow}. */
    NONE,
    /** Nothing to apply. */
    IDENTITY,
    /** {@code max(z, 0)}. */
    RELU
  }

  /** Which fused epilogue this is, if any. */
  default Fused fused() {
    return Fused.NONE;
  }

  /** {@code y[off, off + n) = f(z[off, off + n))}, one row; {@code z} may be {@code y}. */
  void forwardRow(float[] z, float[] y, int off, int n);

  /** Applies the epilogue to {@code rows} rows of {@code cols} values. */
  default void forward(float[] z, float[] y, int rows, int cols) {
    for (int r = 0; r < rows; r++) forwardRow(z, y, r * cols, cols);
  }
}
