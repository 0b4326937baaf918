package dev.kiln.runtime.seq;

import dev.kiln.runtime.kernel.KernelProvider;
import dev.kiln.runtime.kernel.VectorShape;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code y += a · x} over a short run of floats, the step attention's loops take (a head's 16 or 32 values,
 * a row of 24 to 64 scores): in vectors of the machine's width where the Vector API is in use, the rest
 * one by one. Each lane is the scalar {@code y + a · x}, a product rounded and then a sum rounded, the
 * same in the interpreter and in compiled code; no sum runs across lanes.
 */
final class Axpy {
  private static final boolean VECTORS = KernelProvider.vectorized();
  private static final VectorSpecies<Float> S = VectorShape.FLOATS;
  private static final int L = VectorShape.LANES;

  private Axpy() {}

  /** {@code y[yOff + i] += a · x[xOff + i]} for {@code i < n}. */
  static void add(float a, float[] x, int xOff, float[] y, int yOff, int n) {
    int i = 0;
    if (VECTORS) {
      FloatVector scale = FloatVector.broadcast(S, a);
      for (; i + L <= n; i += L) {
        FloatVector.fromArray(S, y, yOff + i).add(FloatVector.fromArray(S, x, xOff + i).mul(scale))
            .intoArray(y, yOff + i);
      }
    }
    for (; i < n; i++) y[yOff + i] += a * x[xOff + i];
  }
}
