package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kiln.processor.Diagnostics.assertClean;
import static dev.kiln.processor.Diagnostics.assertError;
import static dev.kiln.processor.Diagnostics.assertWarning;
import static dev.kiln.processor.Sources.model;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Where layers stand, what the model is, the names it generates, and suppressing warnings. */
class PlacementAndStructureRulesTest {

  @Test
  void softmaxOnAHiddenLayerWarns() {
    JavaFileObject source = model("Net",
        "@Model @Loss(CROSS_ENTROPY)",
        "public interface Net {",
        "  @Linear(in = 4, out = 5)",
        "  @Softmax",
        "  Layer hidden();",
        "  @Linear(out = 3) Layer out();",
        "}");
    assertWarning(source, "[kiln:softmax-on-hidden-layer] @Softmax on hidden layer hidden() normalises features"
        + " that the next layer needs free. Use an activation such as @ReLU here, and normalise only the output",
        "@Softmax");
  }

  @Test
  void logSoftmaxOnAHiddenLayerWarns() {
    JavaFileObject source = model("Net",
        "@Model @Loss(MSE)",
        "public interface Net {",
        "  @Linear(in = 4, out = 5)",
        "  @LogSoftmax",
        "  Layer hidden();",
        "  @Linear(out = 3) Layer out();",
        "}");
    assertWarning(source, "[kiln:softmax-on-hidden-layer] @LogSoftmax on hidden layer hidden()", "@LogSoftmax");
  }

  @Test
  void dropoutOnTheOutputLayerWarns() {
    JavaFileObject source = model("Net",
        "@Model @Loss(MSE)",
        "public interface Net {",
        "  @Linear(in = 4, out = 5) @ReLU Layer hidden();",
        "  @Linear(out = 3)",
        "  @Dropout",
        "  Layer out();",
        "}");
    assertWarning(source, "[kiln:dropout-on-output] @Dropout on out() zeroes the network's outputs while training,"
        + " so the loss sees outputs the model never gives. Move @Dropout before the last @Linear", "@Dropout");
  }

  @Test
  void dropoutOnAHiddenLayerIsClean() {
    assertClean(model("Net",
        "@Model @Loss(MSE)",
        "public interface Net {",
        "  @Linear(in = 4, out = 5) @ReLU @Dropout(p = 0.2f) Layer hidden();",
        "  @Linear(out = 3) Layer out();",
        "}"));
  }

  @Test
  void aGenericModelIsAnError() {
    assertError(model("Net",
        "@Model @Loss(MSE)",
        "public interface Net<T> {",
        "  @Linear(in = 4, out = 3) Layer out();",
        "}"), "[kiln:model-generic] @Model interface Net has type parameters; a network has fixed types. Remove the"
        + " type parameters", "@Model");
  }

  @Test
  void aTypeWithTheNameOfAGeneratedClassIsAClash() {
    JavaFileObject source = model("Net",
        "@Model @Loss(MSE)",
        "public interface Net {",
        "  @Linear(in = 4, out = 3) Layer out();",
        "}");
    JavaFileObject existing = model("NetTrainer", "class NetTrainer {}");
    Compilation compilation = Sources.compile(source, existing);
    assertThat(compilation).hadErrorContaining("[kiln:generated-name-clash] @Model Net generates test.NetTrainer,"
        + " and the type test.NetTrainer already declares that name. Rename the interface or the other type")
        .inFile(source).onLineContaining("@Model");
  }

  @Test
  void twoModelsThatWouldGenerateTheSameClassesClash() {
    JavaFileObject first = model("First",
        "class First {",
        "  @Model @Loss(MSE) interface Net { @Linear(in = 4, out = 3) Layer out(); }",
        "}");
    JavaFileObject second = model("Second",
        "class Second {",
        "  @Model @Loss(MSE) interface Net { @Linear(in = 2, out = 3) Layer out(); }",
        "}");
    Compilation compilation = Sources.compile(first, second);
    assertThat(compilation).hadErrorContaining("[kiln:generated-name-clash] @Model Net generates test.NetModel,"
        + " and another @Model of this compilation already declares that name");
  }

  @Test
  void aWarningIsSuppressedByItsTagOnTheModel() {
    assertClean(model("Net",
        "@Model @Loss(BCE)",
        "@SuppressWarnings(\"kiln:sigmoid-before-bce\")",
        "public interface Net {",
        "  @Linear(in = 4, out = 3) @Sigmoid Layer out();",
        "}"));
  }

  @Test
  void suppressingAnotherTagLeavesTheWarning() {
    assertWarning(model("Net",
        "@Model @Loss(BCE)",
        "@SuppressWarnings(\"kiln:kl-div-mean\")",
        "public interface Net {",
        "  @Linear(in = 4, out = 3) @Sigmoid Layer out();",
        "}"), "[kiln:sigmoid-before-bce]", "@Sigmoid");
  }

  @Test
  void anErrorCannotBeSuppressed() {
    assertError(model("Net",
        "@Model @Loss(CROSS_ENTROPY)",
        "@SuppressWarnings(\"kiln:softmax-before-cross-entropy\")",
        "public interface Net {",
        "  @Linear(in = 4, out = 3) @Softmax Layer out();",
        "}"), "[kiln:softmax-before-cross-entropy]", "@Softmax");
  }

  @Test
  void anUnexpectedFailureBecomesOneErrorOnTheModelAskingForAReport() {
    JavaFileObject source = model("Net",
        "@Model @Loss(MSE)",
        "public interface Net {",
        "  @Linear(in = 4, out = 3) Layer out();",
        "}");
    KilnProcessor failing = new KilnProcessor(network -> {
      throw new IllegalStateException("boom");
    });
    Compilation compilation = com.google.testing.compile.Compiler.javac().withProcessors(failing).compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[kiln:internal-error] Kiln failed on test.Net:"
        + " java.lang.IllegalStateException: boom. This is a bug in Kiln; please report it with this declaration")
        .inFile(source).onLineContaining("public interface Net");
  }

  @Test
  void aModelCompiledWithoutTheRuntimeSaysWhichDependencyIsMissing() throws Exception {
    java.io.File annotations = new java.io.File(
        dev.kiln.dsl.Model.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    JavaFileObject source = JavaFileObjects.forSourceLines("test.Net", "package test;",
        "import dev.kiln.dsl.*;",
        "@Model @Loss(LossKind.MSE)",
        "public interface Net {",
        "  @Linear(in = 4, out = 3) Object out();",
        "}");
    Compilation compilation = com.google.testing.compile.Compiler.javac().withProcessors(new KilnProcessor())
        .withClasspath(java.util.List.of(annotations)).compile(source);
    assertThat(compilation).hadErrorContaining("[kiln:runtime-missing] dev.kiln.runtime.Layer is not on the class"
        + " path. Add the kiln-runtime dependency").inFile(source).onLineContaining("@Model");
  }

  @Test
  void aFileThatCannotBeWrittenIsAnErrorNamingIt() {
    JavaFileObject source = model("Net",
        "@Model @Loss(MSE)",
        "public interface Net {",
        "  @Linear(in = 4, out = 3) Layer out();",
        "}");
    // Writing the same files twice makes the Filer refuse the second time.
    KilnProcessor twice = new KilnProcessor(network -> {
      java.util.List<com.palantir.javapoet.JavaFile> files = new java.util.ArrayList<>();
      files.addAll(dev.kiln.processor.writing.SourceFiles.of(network));
      files.addAll(dev.kiln.processor.writing.SourceFiles.of(network));
      return files;
    });
    Compilation compilation = com.google.testing.compile.Compiler.javac().withProcessors(twice).compile(source);
    assertThat(compilation).hadErrorContaining("[kiln:write-failed] Cannot write NetModel for @Model Net:")
        .inFile(source).onLineContaining("public interface Net");
  }
}
