package dev.kiln.runtime.kernel;

/** Between row-major [rows x cols] and feature-major [cols x rows], for the Linear kernels and the losses. */
final class Transposes {
  private Transposes() {}

  /** {@code to[c·rows + r] = from[r·cols + c]}. */
  static void transpose(float[] from, int rows, int cols, float[] to) {
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) to[c * rows + r] = from[r * cols + c];
    }
  }
}
