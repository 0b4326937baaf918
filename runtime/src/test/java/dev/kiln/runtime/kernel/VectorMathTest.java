package dev.kiln.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import java.util.function.ObjIntConsumer;
import org.junit.jupiter.api.Test;

/** exp and log on vectors are within 1 ulp of Math's, log1p within 3, and have the same bits warm as cold. */
class VectorMathTest {
  private static final int L = VectorShape.LANES;

  /** The largest error, in ulps of the exact value, of {@code f} over [from, to] in {@code n} steps. */
  private static double worstUlps(ObjIntConsumer<float[]> f, DoubleUnaryOperator exact, double from, double to,
      int n) {
    float[] x = new float[L];
    float[] y = new float[L];
    double worst = 0;
    for (int i = 0; i < n; i += L) {
      for (int l = 0; l < L; l++) x[l] = (float) (from + (to - from) * Math.min(n - 1, i + l) / (n - 1));
      System.arraycopy(x, 0, y, 0, L);
      f.accept(y, 0);
      for (int l = 0; l < L; l++) {
        double e = exact.applyAsDouble(x[l]);
        worst = Math.max(worst, Math.abs(y[l] - e) / Math.ulp((float) e));
      }
    }
    return worst;
  }

  @Test
  void expIsWithinOneUlpOverTheNormalFloats() {
    assertTrue(worstUlps(VectorMath::exp, Math::exp, -87, 88, 1_000_003) <= 1);
    assertTrue(worstUlps(VectorMath::exp, Math::exp, -1e-3, 1e-3, 100_003) <= 1);
  }

  @Test
  void expIsZeroWhereTheResultIsBelowTheNormalFloats() {
    float[] y = new float[L];
    java.util.Arrays.fill(y, -100f);
    VectorMath.exp(y, 0);
    assertEquals(0f, y[0]);
    java.util.Arrays.fill(y, 0f);
    VectorMath.exp(y, 0);
    assertEquals(1f, y[0]);
  }

  @Test
  void logIsWithinOneUlp() {
    assertTrue(worstUlps(VectorMath::log, Math::log, 1e-30, 1, 1_000_003) <= 1);
    assertTrue(worstUlps(VectorMath::log, Math::log, 1.5, 1e30, 1_000_003) <= 1);
    assertTrue(worstUlps(VectorMath::log, Math::log, 1, 64, 1_000_003) <= 1);
  }

  @Test
  void log1pIsWithinThreeUlpDownToTheSmallestValues() {
    assertTrue(worstUlps(VectorMath::log1p, Math::log1p, 0, 1, 1_000_003) <= 3);
    assertTrue(worstUlps(VectorMath::log1p, Math::log1p, 1e-30, 1e-6, 100_003) <= 3);
  }

  @Test
  void expCompiledByC2EqualsExpInterpreted() {
    float[] x = new float[L];
    for (int l = 0; l < L; l++) x[l] = -20f + 1.37f * l;
    float[] cold = x.clone();
    VectorMath.exp(cold, 0);
    float[] warm = new float[L];
    for (int round = 0; round < 200_000; round++) {
      System.arraycopy(x, 0, warm, 0, L);
      VectorMath.exp(warm, 0);
      VectorMath.log1p(warm, 0);
    }
    System.arraycopy(x, 0, warm, 0, L);
    VectorMath.exp(warm, 0);
    for (int l = 0; l < L; l++) assertEquals(Float.floatToIntBits(cold[l]), Float.floatToIntBits(warm[l]));
  }
}
