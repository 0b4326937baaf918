package dev.kiln.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.runtime.optim.Optimizer;
import dev.kiln.runtime.optim.Sgd;
import dev.kiln.spark.testing.LocalCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Tuple2;

/**
 * Executors that die: on {@code local-cluster[2,1,1024]}, one executor JVM is killed (its process found by the
 * PID its tasks report) while a step's tasks run. Spark runs the lost tasks again, recomputing the cached rows
 * that died with it, and the run ends as one JVM's. When the rows cannot be recomputed (their source is gone)
 * the retries run out ({@code spark.task.maxFailures}) and the run stops, with Spark's exception as the cause
 * and the last checkpoint whole; there both executors are killed, since Spark may have cached both
 * partitions' rows on one of them. Spark does not count the loss of an executor killed from outside against
 * {@code spark.task.maxFailures} (its tasks end in {@code ExecutorLostFailure} with {@code exitCausedByApp}
 * false), so the failures that exhaust it here are the recomputations'.
 */
class ExecutorLostTest {
  /** 20,000 rows of 64 features in two partitions; full-batch steps, so each task takes 10,000 rows. */
  private static final int ROWS = 20_000;
  private static final int EPOCHS = 4;
  /** The epoch (of one step) during whose step the executor dies. */
  private static final int KILLED_IN_EPOCH = 3;

  @TempDir Path dir;

  /**
   * The job of epoch {@code epoch}'s step: job 0 packs the rows, then each epoch runs its step and measures
   * its accuracy.
   */
  private static int stepJob(int epoch) {
    return 2 * epoch - 1;
  }

  private static JavaSparkContext cluster(SparkConf conf) {
    JavaSparkContext spark = new JavaSparkContext(LocalCluster.executorJvms(conf.setMaster("local-cluster[2,1,1024]")));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (spark.sc().statusTracker().getExecutorInfos().length < 3) { // the driver is listed too
      if (System.nanoTime() > deadline) throw new IllegalStateException("2 executors did not register within 120 s");
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
    return spark;
  }

  /** Each executor's process id, by executor id, from tasks run on every executor. */
  private static Map<String, Long> executorPids(JavaSparkContext spark) {
    List<Tuple2<String, Long>> seen = spark.parallelize(IntStream.range(0, 16).boxed().toList(), 16)
        .map(i -> {
          Thread.sleep(50); // long enough that both executors take tasks
          return new Tuple2<>(SparkEnv.get().executorId(), ProcessHandle.current().pid());
        })
        .collect();
    return seen.stream().collect(Collectors.toMap(Tuple2::_1, Tuple2::_2, (a, b) -> a));
  }

  /** The rows' source: it fails whoever reads it once {@code marker} exists. */
  private static final class Source implements Function<Example, Example> {
    private static final long serialVersionUID = 1L;
    private final String marker;

    Source(Path marker) {
      this.marker = marker.toString();
    }

    @Override
    public Example call(Example row) {
      if (Files.exists(Path.of(marker))) throw new IllegalStateException("the rows' source is gone (" + marker + ")");
      return row;
    }
  }

  /**
   * Kills, once, the executor that starts a task of job {@code job} (jobs numbered from the first after this
   * listener is added), or with {@code all} every executor, and records the first process id; creates
   * {@code before}, if not null, right before.
   */
  private static final class ExecutorKiller extends SparkListener {
    private final Map<String, Long> pids;
    private final int job;
    private final Path before;
    private final boolean all;
    private final AtomicInteger jobs = new AtomicInteger(-1);
    private final Map<Integer, Integer> stageJobs = new ConcurrentHashMap<>();
    final AtomicReference<Long> killed = new AtomicReference<>();

    ExecutorKiller(Map<String, Long> pids, int job, Path before, boolean all) {
      this.pids = pids;
      this.job = job;
      this.before = before;
      this.all = all;
    }

    @Override
    public void onJobStart(SparkListenerJobStart start) {
      int index = jobs.incrementAndGet();
      for (Object stage : scala.jdk.javaapi.CollectionConverters.asJava(start.stageIds())) {
        stageJobs.put((Integer) stage, index);
      }
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart start) {
      Integer index = stageJobs.get(start.stageId());
      if (index == null || index != job) return;
      Long pid = pids.get(start.taskInfo().executorId());
      if (pid != null && killed.compareAndSet(null, pid)) {
        try {
          if (before != null) Files.createFile(before);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        for (long victim : all ? pids.values() : List.of(pid)) {
          ProcessHandle.of(victim).ifPresent(ProcessHandle::destroyForcibly);
        }
      }
    }
  }

  private static List<Example> rows() {
    return Rows.labelled(ROWS, 64, 10, 71);
  }

  @Test
  void tasksOfAKilledExecutorRunAgainAndTheRunEqualsOneJvm() {
    Optimizer sgd = Sgd.lr(0.1f).momentum(0.9f);
    WideModel onSpark = WideModel.create(3);
    try (JavaSparkContext spark = cluster(TestSpark.local2("kiln-executor-lost"))) {
      Map<String, Long> pids = executorPids(spark);
      assertEquals(2, pids.size(), pids.toString());
      JavaRDD<Example> data = spark.parallelize(rows(), 2).map(new Source(dir.resolve("never")));
      ExecutorKiller killer = new ExecutorKiller(pids, stepJob(KILLED_IN_EPOCH), null, false);
      spark.sc().addSparkListener(killer);
      KilnSpark.fit(onSpark, sgd, data, SparkFitOptions.epochs(EPOCHS).batchSize(ROWS).progress(false));
      assertNotNull(killer.killed.get(), "an executor was killed");
      assertFalse(ProcessHandle.of(killer.killed.get()).map(ProcessHandle::isAlive).orElse(false));
    }
    WideModel oneJvm = WideModel.create(3);
    var trainer = oneJvm.trainer(sgd);
    List<Example> rows = rows();
    for (int step = 0; step < EPOCHS; step++) OneJvm.step(trainer, rows);
    SparkEqualsOneJvmTest.assertSameParameters(oneJvm, onSpark);
  }

  @Test
  void whenTheRetriesRunOutTheRunStopsWithSparksCauseAndItsLastCheckpointWhole() throws Exception {
    Path checkpoints = dir.resolve("checkpoints");
    WideModel model = WideModel.create(3);
    try (JavaSparkContext spark = cluster(TestSpark.local2("kiln-executor-lost-for-good")
        .set("spark.task.maxFailures", "2"))) {
      Map<String, Long> pids = executorPids(spark);
      Path gone = dir.resolve("gone");
      JavaRDD<Example> data = spark.parallelize(rows(), 2).map(new Source(gone));
      // Both executors die, so that whichever holds the cached rows, they are lost and must be recomputed.
      ExecutorKiller killer = new ExecutorKiller(pids, stepJob(KILLED_IN_EPOCH), gone, true);
      spark.sc().addSparkListener(killer);
      var e = assertThrows(IllegalStateException.class, () -> KilnSpark.fit(model, Sgd.lr(0.1f), data,
          SparkFitOptions.epochs(EPOCHS).batchSize(ROWS).progress(false).checkpointDirectory(checkpoints.toString())));
      assertInstanceOf(SparkException.class, e.getCause(), e.toString());
      assertTrue(e.getCause().getMessage().contains("failed 2 times"), e.getCause().getMessage());
      // The job that finds the rows gone is the step's, unless the listener's kill landed after the step's
      // tasks had ended; then it is the epoch's accuracy job, which fails the same way.
      assertTrue(e.getMessage().startsWith("step 1 of epoch " + KILLED_IN_EPOCH + " failed on Spark (SparkException);"
          + " the parameters are as before it, and ")
          || e.getMessage().startsWith("measuring the accuracy after epoch " + KILLED_IN_EPOCH), e.getMessage());
      assertTrue(e.getMessage().endsWith(" holds the checkpoints written so far, from which KilnSpark.fit resumes"
          + " when run again"), e.getMessage());
    }
    // The checkpoint of epoch 2's end loads whole, and holds the parameters the driver had when the run stopped.
    Path last = checkpoints.resolve(String.format("checkpoint-%012d.safetensors", KILLED_IN_EPOCH - 1));
    assertTrue(Files.exists(last), "the checkpoint of epoch " + (KILLED_IN_EPOCH - 1) + " is there");
    WideModel restored = WideModel.create(99);
    restored.trainer(Sgd.lr(0.1f)).loadCheckpoint(last);
    SparkEqualsOneJvmTest.assertSameParameters(model, restored);
  }
}
