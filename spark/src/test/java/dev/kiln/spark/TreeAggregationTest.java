package dev.kiln.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.train.TrainingHistory;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Aggregation#TREE} adds the partitions' gradients in a fixed binary tree on the executors: it agrees
 * with {@link Aggregation#ORDERED} and with one JVM within float rounding (1e-5), and with itself bit for bit, however many
 * partitions; stopped early by {@code treeDepth}, the driver adds the rest, still in a fixed order.
 */
class TreeAggregationTest extends LocalSpark {
  private static final SparkFitOptions OPTIONS = SparkFitOptions.epochs(2).batchSize(48).shuffle(4).progress(false);

  private static float[] train(Supplier<? extends KilnModel> model, JavaRDD<Example> data, SparkFitOptions options,
      double[] epochLoss) {
    KilnModel m = model.get();
    TrainingHistory history = KilnSpark.fit(m, Adam.lr(0.01f), data, options);
    if (epochLoss != null) epochLoss[0] = history.epochs().get(1).loss();
    return m.parameters();
  }

  @ParameterizedTest(name = "{0} partitions")
  @ValueSource(ints = {2, 7, 16})
  void treeEqualsOrderedWithinRoundingAndItselfBitForBit(int partitions) {
    JavaRDD<Example> data = spark.parallelize(Rows.labelled(150, 6, 3, 40 + partitions), partitions);
    double[] orderedLoss = new double[1];
    double[] treeLoss = new double[1];
    ClassifierModel ordered = ClassifierModel.create(2);
    KilnSpark.fit(ordered, Adam.lr(0.01f), data, OPTIONS);
    float[] tree = train(() -> ClassifierModel.create(2), data, OPTIONS.aggregation(Aggregation.TREE), treeLoss);
    float[] again = train(() -> ClassifierModel.create(2), data, OPTIONS.aggregation(Aggregation.TREE), null);
    train(() -> ClassifierModel.create(2), data, OPTIONS, orderedLoss);

    assertArrayEquals(tree, again, "two TREE runs, bit for bit");
    ClassifierModel treeModel = ClassifierModel.create(2);
    System.arraycopy(tree, 0, treeModel.parameters(), 0, tree.length);
    SparkEqualsOneJvmTest.assertSameParameters(ordered, treeModel);
    assertEquals(orderedLoss[0], treeLoss[0], 1e-5);
    ClassifierModel oneJvm = ClassifierModel.create(2);
    OneJvm.train(oneJvm.trainer(Adam.lr(0.01f)), data.glom().collect(), OPTIONS.batchSize(), OPTIONS.epochs(), 4L);
    SparkEqualsOneJvmTest.assertSameParameters(oneJvm, treeModel);
  }

  @ParameterizedTest(name = "depth {0}")
  @ValueSource(ints = {1, 2})
  void aShallowerTreeLeavesTheDriverTheRestAndStillRepeatsBitForBit(int depth) {
    JavaRDD<Example> data = spark.parallelize(Rows.labelled(150, 6, 3, 77), 7);
    SparkFitOptions shallow = OPTIONS.aggregation(Aggregation.TREE).treeDepth(depth);
    float[] once = train(() -> ClassifierModel.create(5), data, shallow, null);
    float[] twice = train(() -> ClassifierModel.create(5), data, shallow, null);
    assertArrayEquals(once, twice);
    ClassifierModel ordered = ClassifierModel.create(5);
    KilnSpark.fit(ordered, Adam.lr(0.01f), data, OPTIONS);
    ClassifierModel tree = ClassifierModel.create(5);
    System.arraycopy(once, 0, tree.parameters(), 0, once.length);
    SparkEqualsOneJvmTest.assertSameParameters(ordered, tree);
  }

  @ParameterizedTest(name = "{0} partitions")
  @ValueSource(ints = {3, 5})
  void batchNormsBuffersAreThePartitionsAverageAsUnderOrdered(int partitions) {
    JavaRDD<Example> data = spark.parallelize(Rows.labelled(90, 6, 3, 9), partitions);
    NormalizedModel ordered = NormalizedModel.create(1);
    KilnSpark.fit(ordered, Adam.lr(0.01f), data, OPTIONS);
    NormalizedModel tree = NormalizedModel.create(1);
    KilnSpark.fit(tree, Adam.lr(0.01f), data, OPTIONS.aggregation(Aggregation.TREE));
    SparkEqualsOneJvmTest.assertSameParameters(ordered, tree);
    float[] a = ordered.buffers();
    float[] b = tree.buffers();
    for (int i = 0; i < a.length; i++) assertEquals(a[i], b[i], 1e-5, "buffer " + i);
    assertArrayEquals(ordered.longBuffers(), tree.longBuffers());
  }

}
