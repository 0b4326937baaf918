package dev.kiln.benchmarks;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.kiln.onnx.OnnxExport;
import dev.kiln.runtime.KilnModel;
import dev.kiln.samples.fashion.MlpModel;
import dev.kiln.samples.lenet.LeNet5Model;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Inference as a Java service runs it, one call per request: Kiln's {@code model.forward(x, out)}
 * against the same model exported to ONNX and run in ONNX Runtime Java with 1 and 2 intra-op threads
 * (a direct {@code FloatBuffer} input, as its docs advise). Sample time gives each call's latency: its
 * p50 and p99 at batch 1, and rows per second from the mean at batch 256. PyTorch's side is
 * {@code benchmarks/torch_inference.py}; {@code benchmarks/compare_inference.py} runs both and prints the table.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class InferenceBenchmark {
  @Param({"mnist-784-128-10", "lenet5", "mlp-784-512-512-10"})
  public String network;

  @Param({"kiln", "onnxruntime-1", "onnxruntime-2"})
  public String engine;

  @Param({"1", "256"})
  public int batch;

  private KilnModel model;
  private float[] x;
  private float[] out;
  private OrtEnvironment environment;
  private OrtSession session;
  private FloatBuffer input;
  private long[] shape;

  @Setup(Level.Trial)
  public void prepare() throws OrtException {
    model = switch (network) {
      case "mnist-784-128-10" -> MlpModel.create(0);
      case "lenet5" -> LeNet5Model.create(0);
      case "mlp-784-512-512-10" -> WideMlpModel.create(0);
      default -> throw new IllegalArgumentException("no network " + network);
    };
    Random random = new Random(1);
    x = new float[batch * model.inputSize()];
    for (int i = 0; i < x.length; i++) x[i] = (float) random.nextGaussian();
    out = new float[batch * model.outputSize()];
    if (engine.startsWith("onnxruntime")) {
      environment = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(Integer.parseInt(engine.substring(engine.indexOf('-') + 1)));
      session = environment.createSession(OnnxExport.toBytes(model), options);
      input = ByteBuffer.allocateDirect(4 * x.length).order(ByteOrder.nativeOrder()).asFloatBuffer();
      input.put(x).rewind();
      int[] example = model.layers().get(0).inputShape();
      shape = new long[example.length + 1];
      shape[0] = batch;
      for (int i = 0; i < example.length; i++) shape[i + 1] = example[i];
    }
  }

  @TearDown(Level.Trial)
  public void close() throws OrtException {
    if (session != null) session.close();
  }

  @Benchmark
  public float infer() throws OrtException {
    if (session == null) {
      return model.forward(x, out)[0];
    }
    try (OnnxTensor tensor = OnnxTensor.createTensor(environment, input, shape);
        OrtSession.Result result = session.run(Map.of("input", tensor), java.util.Set.of("output"))) {
      FloatBuffer output = ((OnnxTensor) result.get(0)).getFloatBuffer();
      return output.get(0);
    }
  }
}
