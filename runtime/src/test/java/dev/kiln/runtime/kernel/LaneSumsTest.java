package dev.kiln.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/** A vector's lanes are added in one order, the same before and after C2 compiles the sum. */
class LaneSumsTest {
  private static final int L = VectorShape.LANES;

  /** The one order in scalar code: lane by lane where C2 keeps that order, else the halving tree. */
  private static float tree(float[] lanes) {
    if (LaneSums.IN_LANE_ORDER) {
      float sum = 0f;
      for (float lane : lanes) sum += lane;
      return sum;
    }
    float[] v = lanes.clone();
    for (int h = L / 2; h >= 1; h /= 2) {
      for (int i = 0; i < h; i++) v[i] = v[i] + v[i + h];
    }
    return v[0];
  }

  /** The lanes through a vector, as the kernels sum them. */
  private static float sum(float[] lanes) {
    float[] scratch = LaneSums.scratch();
    FloatVector.fromArray(VectorShape.FLOATS, lanes, 0).intoArray(scratch, 0);
    return LaneSums.tree(scratch, 0);
  }

  /** Values whose sum depends on the order they are added in. */
  private static float[] cancelling(Random random) {
    float[] lanes = new float[L];
    for (int i = 0; i < L; i++) lanes[i] = (float) ((random.nextBoolean() ? 1e8 : 1) * random.nextGaussian());
    return lanes;
  }

  @Test
  void theLanesAreAddedInTheOneOrder() {
    Random random = new Random(7);
    for (int t = 0; t < 1000; t++) {
      float[] lanes = cancelling(random);
      assertEquals(tree(lanes), sum(lanes));
    }
  }

  @Test
  void sixteenVectorsStoredSideBySideAreEachAddedInTheOneOrder() {
    Random random = new Random(5);
    float[][] vectors = new float[LaneSums.VECTORS][];
    float[] scratch = LaneSums.scratch();
    for (int a = 0; a < LaneSums.VECTORS; a++) {
      vectors[a] = cancelling(random);
      System.arraycopy(vectors[a], 0, scratch, a * L, L);
    }
    // As the 4 x 4 tiles do: all stored first, then summed one after another.
    for (int a = 0; a < LaneSums.VECTORS; a++) {
      assertEquals(Float.floatToIntBits(tree(vectors[a])), Float.floatToIntBits(LaneSums.tree(scratch, a * L)),
          "vector " + a);
    }
  }

  @Test
  void theHalvingTreeOfLaterJdksAddsLaneIWithLaneIPlusHalfThenQuarter() {
    Random random = new Random(13);
    for (int t = 0; t < 1000; t++) {
      float[] lanes = cancelling(random);
      float[] v = lanes.clone();
      for (int h = L / 2; h >= 1; h /= 2) {
        for (int i = 0; i < h; i++) v[i] = v[i] + v[i + h];
      }
      float[] scratch = new float[2 * L];
      System.arraycopy(lanes, 0, scratch, L, L);
      assertEquals(Float.floatToIntBits(v[0]), Float.floatToIntBits(LaneSums.halving(scratch, L)));
    }
  }

  @Test
  void aTreeSumsTheVectorAtItsOffsetAlone() {
    float[] lanes = new float[3 * L];
    java.util.Arrays.fill(lanes, 100f);
    for (int i = 0; i < L; i++) lanes[L + i] = i;
    assertEquals(L * (L - 1) / 2f, LaneSums.tree(lanes, L));
    assertEquals(100f, lanes[2 * L]);
  }

  @Test
  void aSumCompiledByC2EqualsTheSameSumInterpreted() {
    Random random = new Random(11);
    float[][] cases = new float[64][];
    float[] first = new float[cases.length];
    for (int c = 0; c < cases.length; c++) {
      cases[c] = cancelling(random);
      first[c] = sum(cases[c]);
    }
    // Enough calls for C2 to compile the sum and the loop around it.
    float[] warm = new float[cases.length];
    for (int round = 0; round < 20_000; round++) {
      for (int c = 0; c < cases.length; c++) warm[c] = sum(cases[c]);
    }
    for (int c = 0; c < cases.length; c++) assertEquals(Float.floatToIntBits(first[c]), Float.floatToIntBits(warm[c]));
  }
}
