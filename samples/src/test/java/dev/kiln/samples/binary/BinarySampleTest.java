package dev.kiln.samples.binary;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.kiln.processor.KilnProcessor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class BinarySampleTest {

  @Test
  void theThreeWaysAgreeWithinOnePoint() {
    Main.Accuracies a = Main.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    double max = Math.max(a.sigmoidBce(), Math.max(a.logitsBce(), a.twoClassCe()));
    double min = Math.min(a.sigmoidBce(), Math.min(a.logitsBce(), a.twoClassCe()));
    assertTrue(max - min <= 0.01, a.toString());
    assertTrue(min > 0.85, "the classes overlap, but a line separates most of them: " + a);
  }

  @Test
  void sigmoidBeforeBceCompilesWithTheStabilityWarning() throws MalformedURLException {
    JavaFileObject source = JavaFileObjects.forResource(
        Path.of("src/main/java/dev/kiln/samples/binary/SigmoidBce.java").toUri().toURL());
    Compilation compilation = Compiler.javac().withProcessors(new KilnProcessor()).compile(source);
    assertThat(compilation).succeeded();
    assertEquals(1, compilation.warnings().size(), compilation.warnings().toString());
    assertThat(compilation).hadWarningContaining("[kiln:sigmoid-before-bce] @Sigmoid on out() feeds @Loss(BCE): it"
        + " works, but BCE_WITH_LOGITS is numerically more stable").inFile(source).onLineContaining("@Sigmoid");
  }
}
