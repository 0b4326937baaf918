package dev.kiln.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.optim.Optimizer;
import dev.kiln.spark.testing.LocalCluster;
import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On Spark's {@code local-cluster}: a master and two workers in this JVM, each worker's executor a JVM of its
 * own, so that parameters, rows and gradients cross process boundaries as on a cluster, and the executors
 * load the generated model from their own class path ({@link LocalCluster} makes the Spark home they are
 * launched from).
 */
class ExecutorJvmsTest {
  private static JavaSparkContext spark;

  @BeforeAll
  static void startCluster() {
    spark = new JavaSparkContext(LocalCluster.executorJvms(TestSpark.local2("kiln-executor-jvms")
        .setMaster("local-cluster[2,1,1024]")));
    awaitExecutors(2);
  }

  /**
   * Until {@code count} executors have registered: Spark runs a job on those it has, and a job started while
   * the second is still starting would run on the first alone.
   */
  private static void awaitExecutors(int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    // The driver is listed among the executors.
    while (spark.sc().statusTracker().getExecutorInfos().length < count + 1) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(count + " executors did not register within 120 s; "
            + (spark.sc().statusTracker().getExecutorInfos().length - 1) + " did");
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
  }

  @AfterAll
  static void stopCluster() {
    spark.stop();
  }

  @Test
  void theExecutorsAreJvmsOfTheirOwn() {
    List<String> executors = spark.parallelize(List.of(0, 1, 2, 3), 4)
        .map(i -> ManagementFactory.getRuntimeMXBean().getPid() + "").collect();
    Set<String> pids = new HashSet<>(executors);
    assertFalse(pids.contains(ManagementFactory.getRuntimeMXBean().getPid() + ""), executors.toString());
    assertEquals(2, pids.size(), executors.toString());
  }

  @Test
  void miniBatchAdamAcrossExecutorJvmsEqualsTrainerStepInOneJvm() {
    List<Example> rows = Rows.labelled(90, 6, 3, 31);
    JavaRDD<Example> data = spark.parallelize(rows, 2);
    Optimizer adam = Adam.lr(0.01f);
    ClassifierModel onSpark = ClassifierModel.create(11);
    KilnSpark.fit(onSpark, adam, data, SparkFitOptions.epochs(2).batchSize(30).shuffle(8).progress(false));

    ClassifierModel oneJvm = ClassifierModel.create(11);
    OneJvm.train(oneJvm.trainer(adam), data.glom().collect(), 30, 2, 8L);
    SparkEqualsOneJvmTest.assertSameParameters(oneJvm, onSpark);
  }
}
