package dev.kiln.spark.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.runtime.data.Dataset;
import dev.kiln.runtime.eval.ConfusionMatrix;
import dev.kiln.runtime.testing.BarImages;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import dev.kiln.spark.TestSpark;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example runs end to end on {@code local[2]}: on Fashion-MNIST's files made up as bars, which it learns. */
class FashionOnSparkTest {
  @Test
  void trainsOnSparkPrintsTheTestAccuracyAndSavesAModelThatLoads(@TempDir Path temp) throws Exception {
    Path data = BarImages.write(temp.resolve("data"), FashionOnSpark.FILES);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    SparkConf conf = TestSpark.local2("kiln-example-test");
    double accuracy;
    try (JavaSparkContext spark = new JavaSparkContext(conf)) {
      accuracy = FashionOnSpark.run(spark, data, 3, temp.resolve("out"),
          new PrintStream(printed, true, StandardCharsets.UTF_8), false);
    }
    String output = printed.toString(StandardCharsets.UTF_8);
    assertTrue(accuracy > 0.9, output);
    assertTrue(output.contains("2,000 rows in 2 partitions"), output);
    assertTrue(output.contains("784-128-10 trained on Spark: test accuracy"), output);
    FashionMlpModel saved = FashionMlpModel.load(temp.resolve("out/fashion-mlp.safetensors"));
    Dataset test = Dataset.fromIdx(data.resolve(FashionOnSpark.FILES[2]), data.resolve(FashionOnSpark.FILES[3]));
    assertEquals(accuracy, ConfusionMatrix.of(saved.predict(test.features()), test.labels(), 10).accuracy(),
        "the saved model is the trained one");
  }
}
