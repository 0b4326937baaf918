package dev.kiln.runtime.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.dsl.Reduction;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A loss's weight for a batch is what its reduction divides the batch's sums by: the reduced loss and
 * gradient times the weight equal what the same loss under SUM gives, for every loss and option that
 * changes the divisor (class weights, an ignored class, BATCHMEAN, probability targets).
 */
class LossWeightTest {
  private static final int ROWS = 7;
  private static final int COLS = 4;

  static Stream<Arguments> classIndexLosses() {
    return Stream.<Arguments>of(
        Arguments.of("cross-entropy", (Function<Reduction, ClassIndexLoss>) CrossEntropy::of),
        Arguments.of("cross-entropy, class weights, an ignored class, smoothing", (Function<Reduction, ClassIndexLoss>)
            r -> CrossEntropy.of(r).weight(0.5f, 2f, 1f, 3f).ignoreIndex(2).labelSmoothing(0.1f)),
        Arguments.of("NLL, class weights, an ignored class", (Function<Reduction, ClassIndexLoss>)
            r -> NegativeLogLikelihood.of(r).weight(1f, 0.25f, 4f, 2f).ignoreIndex(1)));
  }

  static Stream<Arguments> floatTargetLosses() {
    return Stream.<Arguments>of(
        Arguments.of("MSE", (Function<Reduction, FloatTargetLoss>) MeanSquaredError::of, Reduction.MEAN),
        Arguments.of("BCE with logits, element weights", (Function<Reduction, FloatTargetLoss>)
            r -> BinaryCrossEntropyWithLogits.of(r).weight(1f, 2f, 0.5f, 3f), Reduction.MEAN),
        Arguments.of("Huber", (Function<Reduction, FloatTargetLoss>) Huber::of, Reduction.MEAN),
        Arguments.of("KL divergence, BATCHMEAN", (Function<Reduction, FloatTargetLoss>) KlDivergence::of,
            Reduction.BATCHMEAN),
        Arguments.of("cross-entropy, probability targets", (Function<Reduction, FloatTargetLoss>) CrossEntropy::of,
            Reduction.MEAN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("classIndexLosses")
  void aClassIndexLossTimesItsWeightIsItsSum(String name, Function<Reduction, ClassIndexLoss> loss) {
    Random random = new Random(1);
    float[] output = gaussian(random, ROWS * COLS);
    int[] targets = new int[ROWS];
    for (int r = 0; r < ROWS; r++) targets[r] = random.nextInt(COLS);
    float[] meanGrad = new float[output.length];
    float[] sumGrad = new float[output.length];
    ClassIndexLoss mean = loss.apply(Reduction.MEAN);
    float reduced = mean.compute(output, targets, meanGrad, ROWS, COLS);
    float sum = loss.apply(Reduction.SUM).compute(output, targets, sumGrad, ROWS, COLS);
    assertSums(mean.weight(targets, ROWS, COLS), reduced, meanGrad, sum, sumGrad);
    assertEquals(1.0, loss.apply(Reduction.SUM).weight(targets, ROWS, COLS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("floatTargetLosses")
  void aFloatTargetLossTimesItsWeightIsItsSum(String name, Function<Reduction, FloatTargetLoss> loss,
      Reduction reduction) {
    Random random = new Random(2);
    float[] output = gaussian(random, ROWS * COLS);
    float[] targets = new float[ROWS * COLS];
    for (int r = 0; r < ROWS; r++) {
      float total = 0;
      for (int c = 0; c < COLS; c++) total += targets[r * COLS + c] = random.nextFloat() + 0.01f;
      for (int c = 0; c < COLS; c++) targets[r * COLS + c] /= total; // distributions suit every loss here
    }
    float[] reducedGrad = new float[output.length];
    float[] sumGrad = new float[output.length];
    FloatTargetLoss reducing = loss.apply(reduction);
    float reduced = reducing.compute(output, targets, reducedGrad, ROWS, COLS);
    float sum = loss.apply(Reduction.SUM).compute(output, targets, sumGrad, ROWS, COLS);
    assertSums(reducing.weight(targets, ROWS, COLS), reduced, reducedGrad, sum, sumGrad);
  }

  private static void assertSums(double weight, float reduced, float[] reducedGrad, float sum, float[] sumGrad) {
    assertEquals(sum, reduced * weight, 1e-5 * Math.abs(sum), "the loss");
    for (int i = 0; i < sumGrad.length; i++) {
      assertEquals(sumGrad[i], reducedGrad[i] * weight, 1e-5 * Math.max(1e-3, Math.abs(sumGrad[i])), "gradient " + i);
    }
  }

  private static float[] gaussian(Random random, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) x[i] = (float) random.nextGaussian();
    return x;
  }
}
