package dev.kiln.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One Spark context per test class, as {@link TestSpark} configures it; quiet logs come from log4j2-test.properties. */
abstract class LocalSpark {
  static JavaSparkContext spark;

  @BeforeAll
  static void startSpark() {
    spark = new JavaSparkContext(TestSpark.local2("kiln-spark-test"));
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
    spark = null;
  }
}
