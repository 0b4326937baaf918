package dev.kiln.spark.elsewhere;

import static dev.kiln.dsl.LossKind.MSE;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.dsl.Linear;
import dev.kiln.dsl.Loss;
import dev.kiln.dsl.Model;
import dev.kiln.runtime.Layer;
import dev.kiln.runtime.optim.Sgd;
import dev.kiln.spark.Example;
import dev.kiln.spark.KilnSpark;
import dev.kiln.spark.SparkFitOptions;
import java.util.ArrayList;
import java.util.List;
import dev.kiln.spark.TestSpark;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

/** A model declared package-private, nested, in a package of its own trains on Spark like any other. */
class ElsewhereTest {
  @Model @Loss(MSE)
  interface Line {
    @Linear(in = 1, out = 1) Layer out();
  }

  @Test
  void aPackagePrivateModelOfAnotherPackageTrains() {
    List<Example> rows = new ArrayList<>();
    for (int i = 0; i < 20; i++) rows.add(Example.of(new float[] {i / 10f}, new float[] {3 * i / 10f + 1}));
    SparkConf conf = TestSpark.local2("kiln-elsewhere");
    LineModel model = LineModel.create(0);
    try (JavaSparkContext spark = new JavaSparkContext(conf)) {
      KilnSpark.fit(model, Sgd.lr(0.1f), spark.parallelize(rows, 2), SparkFitOptions.epochs(200).batchSize(20).progress(false));
    }
    float[] p = model.parameters();
    assertTrue(Math.abs(p[0] - 3) < 0.05 && Math.abs(p[1] - 1) < 0.05, p[0] + " x + " + p[1]);
  }
}
