package dev.kiln.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random rows for the tests: features in [-1, 1), labels or targets as asked. */
final class Rows {
  private Rows() {}

  static List<Example> labelled(int count, int features, int classes, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Example> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) rows.add(Example.of(features(random, features), random.nextInt(classes)));
    return rows;
  }

  /** Rows of {@code length} token ids in [1, vocabulary), the end of some padded with 0, and a class each. */
  static List<Example> tokens(int count, int length, int vocabulary, int classes, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Example> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int[] ids = new int[length];
      int kept = 1 + random.nextInt(length);
      for (int t = 0; t < kept; t++) ids[t] = 1 + random.nextInt(vocabulary - 1);
      rows.add(Example.ofTokens(ids, random.nextInt(classes)));
    }
    return rows;
  }

  /** Rows whose targets are 0 or 1 per output, for BCE. */
  static List<Example> binary(int count, int features, int outputs, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Example> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      float[] target = new float[outputs];
      for (int j = 0; j < outputs; j++) target[j] = random.nextBoolean() ? 1f : 0f;
      rows.add(Example.of(features(random, features), target));
    }
    return rows;
  }

  /** Rows whose targets are real values, for MSE. */
  static List<Example> regression(int count, int features, int outputs, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Example> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) rows.add(Example.of(features(random, features), features(random, outputs)));
    return rows;
  }

  private static float[] features(SplittableRandom random, int count) {
    float[] x = new float[count];
    for (int i = 0; i < count; i++) x[i] = (float) (random.nextDouble() * 2 - 1);
    return x;
  }
}
