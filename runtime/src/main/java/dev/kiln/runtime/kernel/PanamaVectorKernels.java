package dev.kiln.runtime.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** The element-wise loops on the Vector API. Loaded only where the Vector API kernels were chosen. */
final class PanamaVectorKernels implements VectorKernels {
  private static final VectorSpecies<Float> SPECIES = VectorShape.FLOATS;
  private static final int LANES = VectorShape.LANES;
  private static final FloatVector ONE = FloatVector.broadcast(SPECIES, 1f);
  private static final FloatVector A1 = FloatVector.broadcast(SPECIES, Gelus.A1);
  private static final FloatVector A2 = FloatVector.broadcast(SPECIES, Gelus.A2);
  private static final FloatVector A3 = FloatVector.broadcast(SPECIES, Gelus.A3);

  @Override
  public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
    return dot(a, aOff, b, bOff, n, LaneSums.scratch());
  }

  static float dot(float[] a, int aOff, float[] b, int bOff, int n, float[] lanes) {
    int i = 0;
    float sum = 0f;
    if (n >= 2 * LANES) {
      // Two independent accumulators hide the latency of the fused multiply-add chain.
      FloatVector acc0 = FloatVector.zero(SPECIES);
      FloatVector acc1 = FloatVector.zero(SPECIES);
      int bound = n - (n % (2 * LANES));
      for (; i < bound; i += 2 * LANES) {
        acc0 = FloatVector.fromArray(SPECIES, a, aOff + i).fma(FloatVector.fromArray(SPECIES, b, bOff + i), acc0);
        acc1 = FloatVector.fromArray(SPECIES, a, aOff + i + LANES)
            .fma(FloatVector.fromArray(SPECIES, b, bOff + i + LANES), acc1);
      }
      acc0.add(acc1).intoArray(lanes, 0);
      sum = LaneSums.tree(lanes, 0);
    }
    for (; i < n; i++) sum = Math.fma(a[aOff + i], b[bOff + i], sum);
    return sum;
  }

  @Override
  public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
    int i = 0;
    int bound = SPECIES.loopBound(n);
    if (bound > 0) {
      FloatVector a = FloatVector.broadcast(SPECIES, alpha);
      for (; i < bound; i += LANES) {
        FloatVector.fromArray(SPECIES, x, xOff + i).fma(a, FloatVector.fromArray(SPECIES, y, yOff + i))
            .intoArray(y, yOff + i);
      }
    }
    for (; i < n; i++) y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
  }

  @Override
  public void reluBackward(float[] y, float[] dy, int n) {
    int bound = SPECIES.loopBound(n);
    int i = 0;
    for (; i < bound; i += LANES) {
      FloatVector g = FloatVector.fromArray(SPECIES, dy, i);
      g.blend(0f, FloatVector.fromArray(SPECIES, y, i).compare(VectorOperators.LE, 0f)).intoArray(dy, i);
    }
    for (; i < n; i++) {
      if (y[i] <= 0f) dy[i] = 0f;
    }
  }

  @Override
  public void gelu(float[] z, float[] y, int off, int n) {
    int i = off;
    for (; i + LANES <= off + n; i += LANES) {
      FloatVector x = FloatVector.fromArray(SPECIES, z, i);
      FloatVector u = x.mul(Gelus.SQRT_HALF);
      // exp(-u²) computed in y itself (x is in a register, so y may be z).
      u.mul(u).neg().intoArray(y, i);
      VectorMath.exp(y, i);
      FloatVector e = FloatVector.fromArray(SPECIES, y, i);
      FloatVector t = ONE.div(u.abs().fma(Gelus.P, 1f));
      FloatVector r = t.fma(Gelus.A5, Gelus.A4).fma(t, A3).fma(t, A2).fma(t, A1);
      // erf(u) = sign(u) · (1 - t · r · e): the magnitude's bits with u's sign bit.
      FloatVector erf = e.neg().mul(t).fma(r, ONE).reinterpretAsInts().and(0x7fffffff)
          .or(u.reinterpretAsInts().and(0x80000000)).reinterpretAsFloats();
      x.mul(0.5f).mul(erf.add(1f)).intoArray(y, i);
    }
    for (; i < off + n; i++) y[i] = Gelus.gelu(z[i]);
  }

  @Override
  public void geluBackward(float[] z, float[] dy, int off, int n) {
    int i = off;
    for (; i + LANES <= off + n; i += LANES) {
      FloatVector x = FloatVector.fromArray(SPECIES, z, i);
      FloatVector g = FloatVector.fromArray(SPECIES, dy, i);
      FloatVector u = x.mul(Gelus.SQRT_HALF);
      u.mul(u).neg().intoArray(dy, i);
      VectorMath.exp(dy, i);
      FloatVector e = FloatVector.fromArray(SPECIES, dy, i);
      FloatVector t = ONE.div(u.abs().fma(Gelus.P, 1f));
      FloatVector r = t.fma(Gelus.A5, Gelus.A4).fma(t, A3).fma(t, A2).fma(t, A1);
      // erf(u) = sign(u) · (1 - t · r · e): the magnitude's bits with u's sign bit.
      FloatVector erf = e.neg().mul(t).fma(r, ONE).reinterpretAsInts().and(0x7fffffff)
          .or(u.reinterpretAsInts().and(0x80000000)).reinterpretAsFloats();
      FloatVector cdf = erf.add(1f).mul(0.5f);
      g.mul(x.fma(e.mul(Gelus.INV_SQRT_2PI), cdf)).intoArray(dy, i);
    }
    for (; i < off + n; i++) dy[i] *= Gelus.derivative(z[i]);
  }
}
