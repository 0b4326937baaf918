package dev.kiln.spark.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.SparkConf;

/**
 * What Spark's {@code local-cluster[N,cores,MB]} master needs to start executors as JVMs of their own: a
 * Spark home to launch them from. Without a Spark distribution, one is made of links to the jars this JVM
 * runs with, in {@code SPARK_HOME} (the build sets it under {@code target/}; its workers keep their files
 * there too), and the executors get this JVM's class path for Kiln's classes, as a job's jar on a cluster.
 */
public final class LocalCluster {
  private LocalCluster() {}

  /** {@code conf}, set to launch executors from the Spark home made in {@code SPARK_HOME}. */
  public static SparkConf executorJvms(SparkConf conf) {
    String variable = System.getenv("SPARK_HOME");
    Path home = Path.of(variable == null ? "target/spark-home" : variable).toAbsolutePath();
    String classPath = System.getProperty("java.class.path");
    try {
      Path jars = Files.createDirectories(home.resolve("jars"));
      // A distribution's marker: with it, Spark's launcher takes its jars from jars/.
      if (!Files.exists(home.resolve("RELEASE"))) Files.createFile(home.resolve("RELEASE"));
      for (String entry : classPath.split(File.pathSeparator)) {
        Path jar = Path.of(entry);
        if (entry.endsWith(".jar") && !Files.exists(jars.resolve(jar.getFileName()))) {
          Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar.toAbsolutePath());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a Spark home for local-cluster in " + home, e);
    }
    return conf.set("spark.home", home.toString())
        .set("spark.executorEnv.SPARK_SCALA_VERSION", "2.13")
        .set("spark.executor.extraClassPath", classPath)
        .set("spark.executor.extraJavaOptions", "--add-modules=jdk.incubator.vector");
  }
}
