package dev.kiln.samples.softmaxregression;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.kiln.processor.KilnProcessor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class SoftmaxRegressionSampleTest {

  /** The seed's own network, Linear(4, 3) then Softmax then cross-entropy, declared in Kiln. */
  private static final JavaFileObject SEED = JavaFileObjects.forSourceLines("seed.SeedNetwork",
      "package seed;",
      "",
      "import static dev.kiln.dsl.LossKind.CROSS_ENTROPY;",
      "",
      "import dev.kiln.dsl.*;",
      "import dev.kiln.runtime.Layer;",
      "",
      "@Model",
      "@Loss(CROSS_ENTROPY)",
      "public interface SeedNetwork {",
      "  @Linear(in = 4, out = 3) @Softmax Layer linear();",
      "}");

  @Test
  void theSeedsOwnNetworkIsACompileErrorOnItsSoftmax() {
    Compilation compilation = Compiler.javac().withProcessors(new KilnProcessor()).compile(SEED);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[kiln:softmax-before-cross-entropy] @Softmax on linear() feeds"
        + " @Loss(CROSS_ENTROPY), which applies log-softmax itself: the double softmax squashes the logits and"
        + " stalls training. Remove @Softmax; the model's probabilities() gives softmax probabilities")
        .inFile(SEED).onLineContaining("@Softmax");
  }

  @Test
  void theCorrectedNetworkLearnsTheSevenSamples() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Main.Run run = Main.train(new PrintStream(printed, true, StandardCharsets.UTF_8));
    float[] losses = run.losses();
    assertTrue(losses[Main.EPOCHS - 1] < losses[0] / 2, "loss from " + losses[0] + " to " + losses[Main.EPOCHS - 1]);
    assertTrue(printed.toString(StandardCharsets.UTF_8).contains("epoch 70  loss"));
    assertArrayEquals(Main.Y, run.model().predict(Main.X));
  }
}
