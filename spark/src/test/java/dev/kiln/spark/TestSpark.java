package dev.kiln.spark;

import org.apache.spark.SparkConf;

/** How every test configures Spark: {@code local[2]}, without its UI, its driver on loopback. */
public final class TestSpark {
  private TestSpark() {}

  public static SparkConf local2(String app) {
    return new SparkConf()
        .setMaster("local[2]")
        .setAppName(app)
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1");
  }
}
