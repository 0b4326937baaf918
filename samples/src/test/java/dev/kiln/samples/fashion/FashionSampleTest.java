package dev.kiln.samples.fashion;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.kiln.processor.KilnProcessor;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionSampleTest {
  @TempDir Path dir;

  /** The seed swaps log-softmax for other activations before NLL; in Kiln each swap is a compile error. */
  @ParameterizedTest(name = "@{0} before NLL")
  @CsvSource({
      "Softmax, softmax-before-log-probability-loss",
      "Sigmoid, sigmoid-before-class-loss",
      "Tanh, not-log-probabilities"})
  void theSeedsSwappedActivationsBeforeNllDoNotCompile(String activation, String tag) {
    JavaFileObject source = JavaFileObjects.forSourceLines("seed.Swapped",
        "package seed;",
        "import dev.kiln.dsl.*;",
        "import dev.kiln.runtime.Layer;",
        "@Model @Loss(LossKind.NLL)",
        "public interface Swapped {",
        "  @Linear(in = 784, out = 10) @" + activation + " Layer out();",
        "}");
    Compilation compilation = Compiler.javac().withProcessors(new KilnProcessor()).compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[kiln:" + tag + "] @" + activation + " on out() feeds @Loss(NLL)")
        .inFile(source).onLineContaining("@" + activation);
  }

  @ParameterizedTest(name = "@{0} before NLL")
  @CsvSource({
      "Softmax, softmax-before-log-probability-loss",
      "Sigmoid, sigmoid-before-class-loss",
      "Tanh, not-log-probabilities"})
  void theSamplePrintsJavacsErrorForEachSwap(String activation, String tag) {
    List<String> errors = SwappedActivations.errors(activation);
    assertEquals(1, errors.size(), errors::toString);
    assertTrue(errors.get(0).startsWith("Swapped.java:6: error: [kiln:" + tag + "] @" + activation
        + " on out() feeds @Loss(NLL)"), errors.get(0));
  }

  @Test
  void aDirectoryWithoutTheDataIsNamedWithWhatToInstall() {
    String missing = Main.missing(dir);
    assertTrue(missing.startsWith("Fashion-MNIST not found: " + dir.resolve("train-images-idx3-ubyte.gz")
        + " does not exist. Install Debian's package (apt-get install dataset-fashion-mnist)"), missing);
  }
}
