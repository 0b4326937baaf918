package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kiln.processor.Sources.compile;
import static dev.kiln.processor.Sources.model;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the processor writes for sound declarations: the golden BlobNet, and clean code for every loss. */
class GeneratedCodeTest {
  private static final JavaFileObject BLOBNET = model("BlobNet",
      "@Model",
      "@Loss(CROSS_ENTROPY)",
      "public interface BlobNet {",
      "  @Linear(in = 2, out = 10) @ReLU Layer hidden();",
      "  @Linear(out = 2)                Layer out();",
      "}");

  @Test
  void blobNetGeneratesTheGoldenModel() {
    Compilation compilation = compile(BLOBNET);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.BlobNetModel")
        .hasSourceEquivalentTo(JavaFileObjects.forResource("golden/BlobNetModel.java"));
  }

  @Test
  void blobNetGeneratesTheGoldenTrainer() {
    Compilation compilation = compile(BLOBNET);
    assertThat(compilation).generatedSourceFile("test.BlobNetTrainer")
        .hasSourceEquivalentTo(JavaFileObjects.forResource("golden/BlobNetTrainer.java"));
  }

  /** Kiln's own advice on these pairings is beside the point here: the generated code must compile cleanly. */
  private static final String SUPPRESS_ADVICE = "@SuppressWarnings({\"kiln:sigmoid-before-bce\","
      + " \"kiln:log-softmax-before-cross-entropy\", \"kiln:softmax-on-hidden-layer\"})";

  @ParameterizedTest(name = "{0} after {1}")
  @CsvSource({
      "CROSS_ENTROPY, ''", "CROSS_ENTROPY, @LogSoftmax", "NLL, @LogSoftmax", "BCE, @Sigmoid",
      "BCE_WITH_LOGITS, ''", "MSE, ''", "MSE, @Tanh", "L1, @ReLU", "SMOOTH_L1, ''", "HUBER, @ELU", "FOCAL, ''",
      "'value = KL_DIV, reduction = Reduction.BATCHMEAN', @LogSoftmax"})
  void everyLossGeneratesCodeThatCompilesWithoutWarnings(String loss, String activation) {
    JavaFileObject source = model("Net",
        "@Model @Loss(" + loss + ")",
        SUPPRESS_ADVICE,
        "public interface Net {",
        "  @Linear(in = 5, out = 4) @Tanh Layer hidden();",
        "  @Linear(out = 3, bias = false) Layer out();",
        (activation.isEmpty() ? "" : "  " + activation + " Layer activation();"),
        "}");
    assertThat(compile(source)).succeededWithoutWarnings();
  }

  @Test
  void aSumReductionIsPassedToTheLoss() {
    Compilation compilation = compile(model("Net",
        "@Model @Loss(value = MSE, reduction = Reduction.SUM)",
        "public interface Net {",
        "  @Linear(in = 2, out = 1) Layer out();",
        "}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.NetTrainer").contentsAsUtf8String()
        .contains("MeanSquaredError LOSS = MeanSquaredError.of(Reduction.SUM);");
  }

  @Test
  void lossOptionsThatAreGivenAreConfiguredOnTheLoss() throws java.io.IOException {
    Compilation compilation = compile(model("Net",
        "@Model @Loss(value = CROSS_ENTROPY, weight = {1, 2.5f}, ignoreIndex = 1, labelSmoothing = 0.1f)",
        "public interface Net {",
        "  @Linear(in = 2, out = 2) Layer out();",
        "}"));
    assertThat(compilation).succeededWithoutWarnings();
    // Generated code wraps at 100 columns wherever it likes: compared without whitespace.
    String trainer = compilation.generatedSourceFile("test.NetTrainer").orElseThrow().getCharContent(true).toString();
    org.junit.jupiter.api.Assertions.assertTrue(trainer.replaceAll("\\s+", "")
        .contains("CrossEntropy.of(Reduction.MEAN).weight(1.0f,2.5f).ignoreIndex(1).labelSmoothing(0.1f)"), trainer);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "@ReLU", "@LeakyReLU(negativeSlope = 0.2f)", "@PReLU", "@PReLU(perFeature = true, init = 0.1f)",
      "@ELU(alpha = 0.5f)", "@GELU", "@GELU(approximate = GELU.Approximate.TANH)", "@SiLU",
      "@Softplus(beta = 2, threshold = 10)", "@Sigmoid", "@Tanh", "@Softmax", "@LogSoftmax", "@Dropout(p = 0.3f)",
      "@ReLU @Dropout"})
  void everyActivationGeneratesCodeThatCompilesWithoutWarnings(String annotations) {
    JavaFileObject source = model("Net",
        "@Model @Loss(MSE)",
        SUPPRESS_ADVICE,
        "public interface Net {",
        "  @Linear(in = 5, out = 4) " + annotations + " Layer hidden();",
        "  " + annotations + " Layer alone();",
        "  @Linear(out = 3) Layer out();",
        "}");
    assertThat(compile(source)).succeededWithoutWarnings();
  }

  @Test
  void aModelWithDropoutOffersASeededTrainer() {
    Compilation compilation = compile(model("Net",
        "@Model @Loss(MSE)",
        "public interface Net {",
        "  @Linear(in = 5, out = 4) @ReLU @Dropout(p = 0.25f) Layer hidden();",
        "  @Linear(out = 1) Layer out();",
        "}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.NetModel").contentsAsUtf8String()
        .contains("public NetTrainer trainer(Optimizer optimizer, long dropoutSeed)");
  }

  @Test
  void aModelNestedInAClassImplementsTheNestedInterface() {
    Compilation compilation = compile(model("Outer",
        "public class Outer {",
        "  @Model @Loss(BCE_WITH_LOGITS)",
        "  public interface Inner {",
        "    @Linear(in = 3, out = 1) Layer out();",
        "  }",
        "}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.InnerModel").contentsAsUtf8String()
        .contains("implements Outer.Inner");
  }

  @Test
  void twoModelsInOneCompileEachGetTheirClasses() {
    Compilation compilation = compile(
        model("A", "@Model @Loss(MSE) public interface A { @Linear(in = 1, out = 1) Layer out(); }"),
        model("B", "@Model @Loss(MSE) public interface B { @Linear(in = 2, out = 1) Layer out(); }"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.AModel");
    assertThat(compilation).generatedSourceFile("test.BTrainer");
  }

  @Test
  void oneBadModelDoesNotStopAnotherFromBeingGenerated() {
    Compilation compilation = compile(
        model("Bad", "@Model @Loss(MSE) public interface Bad { @Linear(out = 1) Layer out(); }"),
        model("Good", "@Model @Loss(MSE) public interface Good { @Linear(in = 2, out = 1) Layer out(); }"),
        model("User", "class User { GoodModel model; GoodTrainer trainer; }"));
    // The one error is Bad's own: User compiles, so GoodModel and GoodTrainer were generated.
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[kiln:first-layer-without-in]");
  }
}
