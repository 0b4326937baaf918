package dev.kiln.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/** A vector's lanes are added in one fixed tree, the same before and after C2 compiles the sum. */
class LaneSumsTest {
  private static final int L = VectorShape.LANES;

  /** The tree in scalar code: lane i with lane i + h, for h = L/2, L/4, ..., 1. */
  private static float tree(float[] lanes) {
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
  void theLanesAreAddedInTheFixedTree() {
    Random random = new Random(7);
    for (int t = 0; t < 1000; t++) {
      float[] lanes = cancelling(random);
      assertEquals(tree(lanes), sum(lanes));
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
