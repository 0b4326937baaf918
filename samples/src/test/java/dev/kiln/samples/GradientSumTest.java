package dev.kiln.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.runtime.ClassIndexTrainer;
import dev.kiln.runtime.FloatTargetTrainer;
import dev.kiln.runtime.GradientSum;
import dev.kiln.runtime.optim.Sgd;
import dev.kiln.samples.blobs.BlobNetModel;
import dev.kiln.samples.fixtures.BinaryPosWeightModel;
import dev.kiln.samples.fixtures.SiluSoftplusWeightedCeModel;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The gradient-only entry, {@code sumGradients}: no update, the gradients summed over the rows, so that
 * the sums of two halves of a batch, divided by their weights' sum, are the whole batch's step gradient;
 * with class weights and an ignored class too, and for float targets.
 */
class GradientSumTest {
  private static final Random RANDOM = new Random(4);

  private static float[] gaussian(int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) x[i] = (float) RANDOM.nextGaussian();
    return x;
  }

  @Test
  void twoHalvesSummedAndDividedByTheirWeightsGiveTheWholeBatchsGradient() {
    // Cross-entropy with class weights and an ignored class: the weight is the ignored rows' complement.
    SiluSoftplusWeightedCeModel model = SiluSoftplusWeightedCeModel.create(1);
    ClassIndexTrainer trainer = model.trainer(Sgd.lr(0.1f));
    float[] x = gaussian(10 * 5);
    int[] y = {0, 1, 2, 3, 1, 2, 0, 3, 2, 1};
    float[] before = model.parameters().clone();

    GradientSum first = trainer.sumGradients(Arrays.copyOfRange(x, 0, 25), Arrays.copyOfRange(y, 0, 5));
    float[] sum = trainer.gradients().clone();
    GradientSum second = trainer.sumGradients(Arrays.copyOfRange(x, 25, 50), Arrays.copyOfRange(y, 5, 10));
    for (int i = 0; i < sum.length; i++) sum[i] += trainer.gradients()[i];
    assertArrayEquals(before, model.parameters(), "no update");

    float loss = trainer.step(x, y);
    double weight = first.weight() + second.weight();
    assertEquals(loss, (first.loss() + second.loss()) / weight, 1e-5 * Math.abs(loss), "the loss");
    float[] whole = trainer.gradients();
    for (int i = 0; i < sum.length; i++) {
      assertEquals(whole[i], sum[i] / weight, 1e-5 * Math.max(1e-3, Math.abs(whole[i])), "gradient " + i);
    }
  }

  @Test
  void aBatchWhoseTargetsAreAllIgnoredWeighsNothingAndAddsNothing() {
    SiluSoftplusWeightedCeModel model = SiluSoftplusWeightedCeModel.create(1);
    ClassIndexTrainer trainer = model.trainer(Sgd.lr(0.1f));
    trainer.sumGradients(gaussian(3 * 5), new int[] {0, 1, 2});
    int[] allIgnored = new int[3];
    Arrays.fill(allIgnored, ignoredClass());
    GradientSum nothing = trainer.sumGradients(gaussian(3 * 5), allIgnored);
    assertEquals(new GradientSum(0, 0), nothing);
    assertArrayEquals(new float[trainer.gradients().length], trainer.gradients());
  }

  /** The class SiluSoftplusWeightedCe's loss ignores. */
  private static int ignoredClass() {
    return 3;
  }

  @Test
  void floatTargetsSumAsWell() {
    BinaryPosWeightModel model = BinaryPosWeightModel.create(2);
    FloatTargetTrainer trainer = model.trainer(Sgd.lr(0.1f));
    float[] x = gaussian(8 * 20);
    float[] y = {0, 1, 1, 0, 1, 0, 0, 1};
    GradientSum half = trainer.sumGradients(Arrays.copyOfRange(x, 0, 80), Arrays.copyOfRange(y, 0, 4));
    float[] sum = trainer.gradients().clone();
    GradientSum other = trainer.sumGradients(Arrays.copyOfRange(x, 80, 160), Arrays.copyOfRange(y, 4, 8));
    for (int i = 0; i < sum.length; i++) sum[i] += trainer.gradients()[i];
    assertEquals(8.0, half.weight() + other.weight(), "a mean over every output");
    trainer.step(x, y);
    for (int i = 0; i < sum.length; i++) {
      assertEquals(trainer.gradients()[i], sum[i] / 8, 1e-5 * Math.max(1e-3, Math.abs(trainer.gradients()[i])));
    }
  }

  @Test
  void blobNetsSumIsItsMeanTimesTheRows() {
    BlobNetModel model = BlobNetModel.create(3);
    var trainer = model.trainer(Sgd.lr(0.1f));
    GradientSum sum = trainer.sumGradients(gaussian(6 * 2), new int[] {0, 1, 1, 0, 1, 0});
    assertEquals(6.0, sum.weight());
  }
}
