package dev.kiln.benchmarks;

import dev.kiln.runtime.generation.Generator;
import dev.kiln.runtime.generation.Sampling;
import dev.kiln.samples.fortunes.FortuneGptModel;
import java.util.Arrays;
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

/**
 * One token of the fortunes sample's model (FortuneGpt: 4 layers of 128, window 64), one stream, as the
 * sample generates it (temperature 0.8, top-k 20); sample time gives p50 and p99 per token.
 * {@code cached}: tokens inside the window, each one position from the kept keys and values (every 32
 * tokens the generator starts again from a 32-token prompt, whose positions that token then computes);
 * {@code sliding}: tokens past the window's end, each of which computes the last 64 positions again, as a
 * cropped window must (its positions all move); {@code recompute}: the model's {@code forward} over the
 * whole window for each token, as {@code torch_charlm.py} generates.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GenerationBenchmark {
  private static final int PROMPT = 32;

  @Param({"cached", "sliding", "recompute"})
  public String way;

  private FortuneGptModel model;
  private Generator generator;
  private int token;
  private int inWindow;
  private int[] window;
  private int[] prompt;
  private float[] logits;

  @Setup
  public void setUp() {
    model = FortuneGptModel.create(0);
    generator = model.generator(Sampling.temperature(0.8f).topK(20).seed(0));
    window = new int[FortuneGptModel.IN];
    for (int i = 0; i < window.length; i++) window[i] = 32 + i % 90;
    prompt = Arrays.copyOf(window, PROMPT);
    logits = new float[FortuneGptModel.IN * 128];
    token = generator.generate("sliding".equals(way) ? window : prompt, 1)[0];
  }

  @Benchmark
  public int token() {
    switch (way) {
      case "recompute" -> {
        model.forward(window, logits);
        return Math.abs((int) logits[logits.length - 1]) % 128;
      }
      case "cached" -> {
        if (++inWindow == FortuneGptModel.IN - PROMPT) {
          inWindow = 0;
          token = generator.generate(prompt, 1)[0];
        } else {
          token = generator.next(token);
        }
        return token;
      }
      default -> {
        token = generator.next(token);
        return token;
      }
    }
  }
}
