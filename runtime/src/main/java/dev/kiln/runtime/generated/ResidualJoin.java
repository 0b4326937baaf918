package dev.kiln.runtime.generated;

import dev.kiln.runtime.kernel.Epilogue;

/** A residual block's join, as generated code runs it: {@code z = skip + x}, then {@code y = epilogue(z)}. */
public final class ResidualJoin {
  private ResidualJoin() {}

  /** {@code z} may be {@code y}; the first {@code rows · size} values of each array. */
  public static void forward(float[] skip, float[] x, float[] z, float[] y, int rows, int size, Epilogue epilogue) {
    for (int i = 0, n = rows * size; i < n; i++) z[i] = skip[i] + x[i];
    epilogue.forward(z, y, rows, size);
  }
}
