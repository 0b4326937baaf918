package dev.kiln.runtime.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.dsl.Reduction;
import dev.kiln.runtime.kernel.KernelProvider;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Cross-entropy on feature-major logits is the row-major one, transposed, whatever its options. */
class FeatureMajorCrossEntropyTest {
  private static final int ROWS = 37;
  private static final int CLASSES = 3;

  static Stream<CrossEntropy> losses() {
    return Stream.of(CrossEntropy.of(Reduction.MEAN), CrossEntropy.of(Reduction.SUM),
        CrossEntropy.of(Reduction.MEAN).ignoreIndex(1), CrossEntropy.of(Reduction.MEAN).weight(0.2f, 1f, 3f),
        CrossEntropy.of(Reduction.SUM).labelSmoothing(0.1f));
  }

  @ParameterizedTest
  @MethodSource("losses")
  void featureMajorLossAndGradientAreTheRowMajorOnesTransposed(CrossEntropy loss) {
    Random random = new Random(3);
    float[] logits = new float[ROWS * CLASSES];
    for (int i = 0; i < logits.length; i++) logits[i] = (float) random.nextGaussian() * 3;
    int[] targets = new int[ROWS];
    for (int r = 0; r < ROWS; r++) targets[r] = random.nextInt(CLASSES);
    float[] grad = new float[ROWS * CLASSES];
    float expected = loss.compute(logits, targets, grad, ROWS, CLASSES);

    float[] logitsT = transpose(logits, ROWS, CLASSES);
    float[] gradT = new float[ROWS * CLASSES];
    float actual = loss.computeFeatureMajor(logitsT, targets, gradT, ROWS, CLASSES);

    assertEquals(expected, actual, 1e-5 * Math.abs(expected));
    float[] expectedT = transpose(grad, ROWS, CLASSES);
    for (int i = 0; i < gradT.length; i++) assertEquals(expectedT[i], gradT[i], 1e-6, "gradient [" + i + "]");
  }

  private static float[] transpose(float[] m, int rows, int cols) {
    float[] t = new float[m.length];
    KernelProvider.scalar().linear().transpose(m, rows, cols, t);
    return t;
  }
}
