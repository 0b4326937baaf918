package dev.kiln.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** One whole training step (forward, loss, backward, optimizer) of each workload of torch_bench.py. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class TrainingStepBenchmark {
  @Param({"blobs-2-10-2-b200-sgd", "linear-4-3-b7-sgd", "binary-20-16-1-b64-bcelogits", "mnist-784-128-10-b64-sgd",
      "mnist-784-128-10-b64-adam", "mlp-784-512-512-10-b256-adam"})
  public String workload;

  private Workload.Prepared step;

  @Setup
  public void prepare() {
    step = Workload.ALL.stream().filter(w -> w.name().equals(workload)).findFirst().orElseThrow().prepare();
  }

  @Benchmark
  public float step() {
    return step.step();
  }
}
