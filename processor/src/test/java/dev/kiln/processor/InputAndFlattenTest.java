package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kiln.processor.Diagnostics.assertClean;
import static dev.kiln.processor.Diagnostics.assertError;
import static dev.kiln.processor.Diagnostics.assertWarning;
import static dev.kiln.processor.Sources.compile;
import static dev.kiln.processor.Sources.model;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @Input} gives one example's shape; {@code @Flatten} turns feature maps into the vector a {@code @Linear} reads. */
class InputAndFlattenTest {

  @Test
  void imagesFlattenedIntoALinearCompileWithTheInInferred() {
    Compilation compilation = compile(model("Net",
        "@Model @Input(channels = 3, height = 4, width = 5) @Loss(CROSS_ENTROPY)",
        "public interface Net {",
        "  @Flatten Layer flatten();",
        "  @Linear(out = 10) Layer fc();",
        "}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.NetModel").contentsAsUtf8String()
        .contains(".add(\"fc.weight\", FC_OUT, FC_IN)");
    assertThat(compilation).generatedSourceFile("test.NetModel").contentsAsUtf8String()
        .contains("static final int FC_IN = 60;");
  }

  @Test
  void aVectorInputReplacesTheFirstLinearsIn() {
    assertClean(model("Net",
        "@Model @Input(features = 4) @Loss(MSE)",
        "public interface Net {",
        "  @Linear(out = 3) @ReLU Layer hidden();",
        "  @Linear(out = 1) Layer out();",
        "}"));
  }

  @Test
  void aVectorInputThatDisagreesWithTheFirstLinearIsAnErrorOnItsIn() {
    assertError(model("Net",
            "@Model @Input(features = 4) @Loss(MSE)",
            "public interface Net {",
            "  @Linear(in = 5, out = 1) Layer out();",
            "}"),
        "[kiln:input-mismatch] @Linear(in = 5) on out() does not match @Input(features = 4). Use in = 4, or leave"
            + " in out",
        "@Linear(in = 5");
  }

  @Test
  void anInputWithBothFormsIsAnError() {
    assertError(model("Net",
            "@Model @Input(features = 4, channels = 1, height = 2, width = 2) @Loss(MSE)",
            "public interface Net {",
            "  @Linear(out = 1) Layer out();",
            "}"),
        "[kiln:input-both-forms] @Input gives features and channels, height, width; one example is either a vector"
            + " or feature maps. Keep one form",
        "@Input");
  }

  @Test
  void anInputWithoutSizesIsAnError() {
    assertError(model("Net",
            "@Model @Input @Loss(MSE)",
            "public interface Net {",
            "  @Linear(out = 1) Layer out();",
            "}"),
        "[kiln:input-without-size] @Input gives no size", "@Input");
  }

  @Test
  void anInputSizeBelowOneIsAnErrorOnThatSize() {
    assertError(model("Net",
            "@Model",
            "@Input(channels = 1, height = -28, width = 28)",
            "@Loss(MSE)",
            "public interface Net {",
            "  @Flatten Layer flatten();",
            "  @Linear(out = 1) Layer out();",
            "}"),
        "[kiln:input-size-not-positive] @Input(height = -28) is not a size; sizes are at least 1", "height = -28");
  }

  @Test
  void aMapInputMissingItsWidthIsAnError() {
    assertError(model("Net",
            "@Model @Input(channels = 1, height = 28) @Loss(MSE)",
            "public interface Net {",
            "  @Flatten Layer flatten();",
            "  @Linear(out = 1) Layer out();",
            "}"),
        "[kiln:input-size-not-positive] @Input(width = 0) is not a size", "@Input");
  }

  @Test
  void aLinearThatReceivesFeatureMapsIsAnErrorThatNamesTheFlattenItNeeds() {
    assertError(model("Net",
            "@Model @Input(channels = 16, height = 5, width = 5) @Loss(CROSS_ENTROPY)",
            "public interface Net {",
            "  @Linear(out = 120) Layer fc1();",
            "}"),
        "[kiln:linear-on-feature-map] @Linear on fc1() receives feature maps of 16 x 5 x 5 and takes a vector. Add a"
            + " @Flatten member before fc1(); it would get in = 400 = 16 x 5 x 5",
        "Layer fc1()");
  }

  @Test
  void aLinearInAfterFlattenThatDiffersFromTheMapsIsPyTorchsShapeErrorInJavac() {
    assertError(model("Net",
            "@Model @Input(channels = 16, height = 5, width = 5) @Loss(CROSS_ENTROPY)",
            "public interface Net {",
            "  @Flatten Layer flatten();",
            "  @Linear(in = 256, out = 120) Layer fc1();",
            "}"),
        "[kiln:flattened-in-mismatch] @Linear(in = 256) on fc1() does not match the 400 = 16 x 5 x 5 values that"
            + " flatten() flattens to. Use in = 400, or leave in out",
        "in = 256");
  }

  @Test
  void flattenOnWhatIsAlreadyFlatIsAWarning() {
    assertWarning(model("Net",
            "@Model @Loss(MSE)",
            "public interface Net {",
            "  @Linear(in = 4, out = 3) Layer hidden();",
            "  @Flatten Layer flatten();",
            "  @Linear(out = 1) Layer out();",
            "}"),
        "[kiln:flatten-on-flat] @Flatten on flatten() receives 3 features, already flat: it changes nothing. Remove it",
        "@Flatten");
  }

  @Test
  void softmaxOnFeatureMapsIsAnError() {
    JavaFileObject source = model("Net",
        "@Model @Input(channels = 2, height = 3, width = 3) @Loss(NLL)",
        "public interface Net {",
        "  @LogSoftmax Layer normalised();",
        "  @Flatten Layer flatten();",
        "}");
    assertThat(compile(source)).hadErrorContaining("[kiln:softmax-on-feature-map] @LogSoftmax on normalised()"
        + " receives feature maps of 2 x 3 x 3; it normalises a vector of features. Add a @Flatten member before it")
        .inFile(source).onLineContaining("@LogSoftmax");
  }

  @Test
  void aNetworkThatEndsInFeatureMapsIsAnErrorOnItsLoss() {
    assertError(model("Net",
            "@Model @Input(channels = 2, height = 3, width = 3)",
            "@Loss(MSE)",
            "public interface Net {",
            "  @ReLU Layer relu();",
            "}"),
        "[kiln:loss-on-feature-map] @Loss(MSE) takes a vector per example, and relu() gives feature maps of 2 x 3 x 3."
            + " End the network with @Flatten and a @Linear",
        "@Loss(MSE)");
  }

  @Test
  void aFirstMemberWithoutLinearIsFineWhenTheInputIsDeclared() {
    assertClean(model("Net",
        "@Model @Input(features = 4) @Loss(MSE)",
        "public interface Net {",
        "  @Tanh Layer squash();",
        "  @Linear(out = 1) Layer out();",
        "}"));
  }
}
