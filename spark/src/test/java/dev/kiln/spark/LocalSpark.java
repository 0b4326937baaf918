package dev.kiln.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One Spark context on {@code local[2]} per test class: quiet, without its UI, its driver on loopback. */
abstract class LocalSpark {
  static JavaSparkContext spark;

  @BeforeAll
  static void startSpark() {
    SparkConf conf = new SparkConf()
        .setMaster("local[2]")
        .setAppName("kiln-spark-test")
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1");
    spark = new JavaSparkContext(conf);
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
    spark = null;
  }
}
