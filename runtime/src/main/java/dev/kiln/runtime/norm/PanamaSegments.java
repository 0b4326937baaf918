package dev.kiln.runtime.norm;

import dev.kiln.runtime.kernel.LaneSums;
import dev.kiln.runtime.kernel.VectorShape;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Segments} on the Vector API: each segment's sum in float lanes, reduced once and added in
 * double, so that the rounding stays that of a segment (a map's plane, a few hundred values).
 * Loaded only where the Vector API kernels were chosen.
 */
final class PanamaSegments implements Segments {
  private static final VectorSpecies<Float> S = VectorShape.FLOATS;
  private static final int L = S.length();
  private final ScalarSegments tails = new ScalarSegments();

  @Override
  public double sum(float[] x, int from, int n) {
    int bound = n - n % L;
    FloatVector acc = FloatVector.zero(S);
    for (int i = 0; i < bound; i += L) acc = acc.add(FloatVector.fromArray(S, x, from + i));
    float[] lanes = LaneSums.scratch();
    acc.intoArray(lanes, 0);
    return LaneSums.tree(lanes, 0) + tails.sum(x, from + bound, n - bound);
  }

  @Override
  public double squares(float[] x, int from, int n, double m) {
    int bound = n - n % L;
    FloatVector mean = FloatVector.broadcast(S, (float) m);
    FloatVector acc = FloatVector.zero(S);
    for (int i = 0; i < bound; i += L) {
      FloatVector d = FloatVector.fromArray(S, x, from + i).sub(mean);
      acc = d.fma(d, acc);
    }
    float[] lanes = LaneSums.scratch();
    acc.intoArray(lanes, 0);
    return LaneSums.tree(lanes, 0) + tails.squares(x, from + bound, n - bound, m);
  }

  @Override
  public double sumDyXhat(float[] dy, float[] x, int from, int n, float m, float s) {
    int bound = n - n % L;
    FloatVector mean = FloatVector.broadcast(S, m);
    FloatVector acc = FloatVector.zero(S);
    for (int i = 0; i < bound; i += L) {
      FloatVector xhat = FloatVector.fromArray(S, x, from + i).sub(mean).mul(s);
      acc = FloatVector.fromArray(S, dy, from + i).fma(xhat, acc);
    }
    float[] lanes = LaneSums.scratch();
    acc.intoArray(lanes, 0);
    return LaneSums.tree(lanes, 0) + tails.sumDyXhat(dy, x, from + bound, n - bound, m, s);
  }

  @Override
  public void scale(float[] x, float[] y, int from, int n, float scale, float shift) {
    int bound = n - n % L;
    FloatVector a = FloatVector.broadcast(S, scale);
    FloatVector b = FloatVector.broadcast(S, shift);
    for (int i = 0; i < bound; i += L) FloatVector.fromArray(S, x, from + i).fma(a, b).intoArray(y, from + i);
    tails.scale(x, y, from + bound, n - bound, scale, shift);
  }

  @Override
  public void inputGradient(float[] dy, float[] x, float[] dx, int from, int n, float k, float meanDy, float m,
      float s, float meanDyXhat) {
    int bound = n - n % L;
    FloatVector mean = FloatVector.broadcast(S, m);
    float sm = s * meanDyXhat;
    for (int i = 0; i < bound; i += L) {
      FloatVector g = FloatVector.fromArray(S, dy, from + i).sub(meanDy)
          .sub(FloatVector.fromArray(S, x, from + i).sub(mean).mul(sm));
      g.mul(k).intoArray(dx, from + i);
    }
    tails.inputGradient(dy, x, dx, from + bound, n - bound, k, meanDy, m, s, meanDyXhat);
  }
}
