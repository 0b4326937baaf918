package dev.kiln.spark.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.runtime.testing.BarImages;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's cluster recipe, run here: the job jar (Kiln inside, Spark not) handed to
 * {@code org.apache.spark.deploy.SparkSubmit}, the class {@code spark-submit} runs, in a JVM whose class path
 * holds Spark and nothing of Kiln's, as a cluster's does.
 */
class SparkSubmitIT {
  @Test
  void theJobJarRunsUnderSparkSubmitWithOnlySparkOnTheClassPath(@TempDir Path temp) throws Exception {
    Path data = BarImages.write(temp.resolve("data"), FashionOnSpark.FILES);
    Path jobJar = Path.of(System.getProperty("kiln.jobJar"));
    assertTrue(Files.isRegularFile(jobJar), jobJar + " is built by the package phase");

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--add-modules=jdk.incubator.vector");
    command.addAll(Arrays.asList(System.getProperty("kiln.sparkOpens").trim().split("\\s+")));
    command.addAll(List.of("-cp", sparkOnlyClassPath(), "org.apache.spark.deploy.SparkSubmit",
        "--master", "local[2]", "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.host=127.0.0.1",
        "--conf", "spark.driver.bindAddress=127.0.0.1",
        "--class", "dev.kiln.spark.example.FashionOnSpark", jobJar.toString(), data.toString(), "2"));
    ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile()).redirectErrorStream(true)
        .redirectOutput(temp.resolve("output.txt").toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process process = builder.start();
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "spark-submit finished");
    String output = Files.readString(temp.resolve("output.txt"), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), output);
    Matcher accuracy = Pattern.compile("test accuracy (\\d\\.\\d+)").matcher(output);
    assertTrue(accuracy.find(), output);
    assertTrue(Double.parseDouble(accuracy.group(1)) > 0.9, output);
    assertTrue(Files.isRegularFile(temp.resolve("out/spark/fashion-mlp.safetensors")), output);
  }

  /**
   * This JVM's class path without Kiln's classes and jars, what only Kiln's runtime uses, and the test tools:
   * Spark and what it needs (Jackson among them, in the version the job jar also carries).
   */
  private static String sparkOnlyClassPath() {
    List<String> kept = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      boolean kiln = entry.contains(File.separator + "dev" + File.separator + "kiln" + File.separator)
          || entry.endsWith("classes") || name.startsWith("kiln-");
      boolean testTool = name.startsWith("junit-") || name.startsWith("surefire") || name.startsWith("opentest4j")
          || name.startsWith("apiguardian") || name.startsWith("common-") || name.startsWith("progressbar")
          || name.startsWith("jline") || name.startsWith("commons-csv");
      if (!kiln && !testTool) kept.add(entry);
    }
    return String.join(File.pathSeparator, kept);
  }
}
