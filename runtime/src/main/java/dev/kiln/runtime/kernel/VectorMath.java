package dev.kiln.runtime.kernel;

import static dev.kiln.runtime.kernel.VectorShape.FLOATS;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * exp and log on vectors, built from additions, multiplications and bit moves only (Cephes' expf and
 * logf polynomials), so that a value has the same bits in the interpreter and in compiled code. The
 * Vector API's own {@code EXP} and {@code LOG} do not: C2 calls a vector math library whose last bit
 * differs from the scalar {@code Math} the interpreter falls back to. exp and log are within 1 ulp of
 * {@code Math}'s, log1p within 3 (VectorMathTest).
 */
public final class VectorMath {
  private static final VectorSpecies<Integer> INTS = VectorSpecies.of(int.class, FLOATS.vectorShape());
  /** 1.5 · 2²³: added and taken away again, it rounds a float to the nearest integer. */
  private static final float ROUNDER = 12582912f;
  private static final float LOG2E = 1.44269504088896341f;
  /** ln 2 split in two, the first with few bits so that n · it is exact. */
  private static final float LN2_HI = 0.693359375f;
  private static final float LN2_LO = -2.12194440e-4f;
  /** Below this exp is under the smallest normal float: 0 is returned. */
  private static final float EXP_MIN = -87.33654f;
  /** Above this 2ⁿ would leave the normal floats; the kernels call exp on values at most 0. */
  private static final float EXP_MAX = 88.0f;
  private static final float SQRT_HALF = 0.707106781186547524f;

  private VectorMath() {}

  /**
   * e^x for the vector at {@code a[at]}, in place: x at most 88 (0 below -87.34, where e^x is not a normal
   * float). These take arrays, not vectors: a call C2 does not inline (these are long) would box a vector
   * passed or returned, an allocation per call.
   */
  public static void exp(float[] a, int at) {
    FloatVector x = FloatVector.fromArray(FLOATS, a, at);
    FloatVector clamped = x.max(EXP_MIN).min(EXP_MAX);
    FloatVector rounded = clamped.fma(FloatVector.broadcast(FLOATS, LOG2E), FloatVector.broadcast(FLOATS, ROUNDER));
    FloatVector n = rounded.sub(ROUNDER);
    FloatVector r = n.fma(FloatVector.broadcast(FLOATS, -LN2_HI), clamped);
    r = n.fma(FloatVector.broadcast(FLOATS, -LN2_LO), r);
    FloatVector p = r.fma(FloatVector.broadcast(FLOATS, 1.9875691500e-4f), FloatVector.broadcast(FLOATS, 1.3981999507e-3f));
    p = p.fma(r, FloatVector.broadcast(FLOATS, 8.3334519073e-3f));
    p = p.fma(r, FloatVector.broadcast(FLOATS, 4.1665795894e-2f));
    p = p.fma(r, FloatVector.broadcast(FLOATS, 1.6666665459e-1f));
    p = p.fma(r, FloatVector.broadcast(FLOATS, 5.0000001201e-1f));
    FloatVector y = p.fma(r.mul(r), r).add(1f);
    // 2ⁿ from the bits of n + 1.5·2²³, which are those of 1.5·2²³ plus n: JDK 17's C2 has no vector F2I.
    FloatVector scale = rounded.reinterpretAsInts().add(127 - Float.floatToRawIntBits(ROUNDER))
        .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    y.mul(scale).blend(0f, x.compare(VectorOperators.LT, EXP_MIN)).intoArray(a, at);
  }

  /** ln x in place for {@code vectors} vectors from {@code a[from]}, one after another. */
  public static void log(float[] a, int from, int vectors) {
    for (int j = 0; j < vectors; j++) log(a, from + j * FLOATS.length());
  }

  /** ln x for the vector at {@code a[at]}, in place, for positive normal x. */
  public static void log(float[] a, int at) {
    // FLOATS read once into a local: 2 bytes less per constant keeps this method under C2's
    // FreqInlineSize (325 bytes), so that a hot loss inlines it instead of calling it per vector.
    VectorSpecies<Float> s = FLOATS;
    FloatVector x = FloatVector.fromArray(s, a, at);
    IntVector bits = x.reinterpretAsInts();
    // x = m · 2^e with m in [0.5, 1), as C's frexp.
    IntVector e = bits.lanewise(VectorOperators.LSHR, 23).and(0xff).sub(126);
    FloatVector m = bits.and(0x807fffff).or(0x3f000000).reinterpretAsFloats();
    FloatVector exponent = (FloatVector) e.convert(VectorOperators.I2F, 0);
    VectorMask<Float> below = m.compare(VectorOperators.LT, SQRT_HALF);
    exponent = exponent.sub(FloatVector.broadcast(s, 1f), below);
    FloatVector f = m.add(m, below).sub(1f);
    FloatVector z = f.mul(f);
    FloatVector p = f.fma(FloatVector.broadcast(s, 7.0376836292e-2f), FloatVector.broadcast(s, -1.1514610310e-1f));
    p = p.fma(f, FloatVector.broadcast(s, 1.1676998740e-1f));
    p = p.fma(f, FloatVector.broadcast(s, -1.2420140846e-1f));
    p = p.fma(f, FloatVector.broadcast(s, 1.4249322787e-1f));
    p = p.fma(f, FloatVector.broadcast(s, -1.6668057665e-1f));
    p = p.fma(f, FloatVector.broadcast(s, 2.0000714765e-1f));
    p = p.fma(f, FloatVector.broadcast(s, -2.4999993993e-1f));
    p = p.fma(f, FloatVector.broadcast(s, 3.3333331174e-1f));
    FloatVector y = p.mul(f).mul(z);
    y = exponent.fma(FloatVector.broadcast(s, LN2_LO), y);
    y = z.fma(FloatVector.broadcast(s, -0.5f), y);
    exponent.fma(FloatVector.broadcast(s, LN2_HI), f.add(y)).intoArray(a, at);
  }

  /** ln(1 + x) for the vector at {@code a[at]}, in place, for x in [0, 1]. */
  public static void log1p(float[] a, int at) {
    // log(u)·x/(u − 1) with u = 1 + x, which keeps small x exact.
    FloatVector x = FloatVector.fromArray(FLOATS, a, at);
    FloatVector u = x.add(1f);
    u.intoArray(a, at);
    log(a, at);
    FloatVector corrected = FloatVector.fromArray(FLOATS, a, at).mul(x).div(u.sub(1f));
    corrected.blend(x, u.compare(VectorOperators.EQ, 1f)).intoArray(a, at);
  }
}
