package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kiln.processor.Diagnostics.assertError;
import static dev.kiln.processor.Sources.compile;
import static dev.kiln.processor.Sources.model;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Each wrong declaration is a compile error with its tag, on the line that is wrong. */
class ProcessorErrorsTest {

  @Test
  void softmaxBeforeCrossEntropyIsAnErrorOnTheSoftmax() {
    JavaFileObject source = model("Net",
        "@Model",
        "@Loss(CROSS_ENTROPY)",
        "public interface Net {",
        "  @Linear(in = 4, out = 3)",
        "  @Softmax",
        "  Layer out();",
        "}");
    assertError(source, "[kiln:softmax-before-cross-entropy] @Softmax on out() feeds @Loss(CROSS_ENTROPY),"
            + " which applies log-softmax itself", "@Softmax");
    assertThat(compile(source)).hadErrorContaining("probabilities() gives softmax probabilities");
  }

  @Test
  void softmaxStandingAloneBeforeCrossEntropyIsAnErrorToo() {
    JavaFileObject source = model("Net",
        "@Model @Loss(CROSS_ENTROPY)",
        "public interface Net {",
        "  @Linear(in = 4, out = 3) Layer fc();",
        "  @Softmax Layer probabilities();",
        "}");
    assertError(source, "[kiln:softmax-before-cross-entropy] @Softmax on probabilities()", "@Softmax");
  }

  @Test
  void theFirstLayerWithoutInIsAnErrorOnItsLinear() {
    JavaFileObject source = model("Net",
        "@Model @Loss(CROSS_ENTROPY)",
        "public interface Net {",
        "  @Linear(out = 10)",
        "  Layer hidden();",
        "}");
    assertError(source, "[kiln:first-layer-without-in] The first layer, hidden(), has no input size;"
            + " nothing before it can supply one. Add it: @Linear(in = ..., out = 10)", "@Linear(out = 10)");
  }

  @Test
  void anActivationAsTheFirstLayerIsAnError() {
    JavaFileObject source = model("Net",
        "@Model @Loss(MSE)",
        "public interface Net {",
        "  @ReLU Layer first();",
        "  @Linear(in = 2, out = 1) Layer out();",
        "}");
    assertError(source, "[kiln:first-layer-not-linear] The first layer, first(), does not say the network's"
        + " input size. Declare it on the model with @Input", "Layer first()");
  }

  @Test
  void anInThatDoesNotMatchThePreviousOutIsAnErrorOnTheValue() {
    JavaFileObject source = model("Net",
        "@Model @Loss(CROSS_ENTROPY)",
        "public interface Net {",
        "  @Linear(in = 2, out = 10) @ReLU Layer hidden();",
        "  @Linear(in = 12, out = 2) Layer out();",
        "}");
    assertError(source, "[kiln:in-mismatch] @Linear(in = 12) on out() does not match the 10 outputs of hidden()."
            + " Use in = 10, or leave in out", "in = 12");
  }

  @Test
  void aZeroOutIsAnErrorOnTheValue() {
    JavaFileObject source = model("Net",
        "@Model @Loss(MSE)",
        "public interface Net {",
        "  @Linear(in = 2,",
        "          out = 0) Layer out();",
        "}");
    assertError(source, "[kiln:size-not-positive] @Linear(out = 0) on out() is not a size; sizes are at least 1", "out = 0");
  }

  @Test
  void aNegativeInIsAnErrorOnTheValue() {
    JavaFileObject source = model("Net",
        "@Model @Loss(MSE)",
        "public interface Net {",
        "  @Linear(in = -3, out = 1) Layer out();",
        "}");
    assertError(source, "[kiln:size-not-positive] @Linear(in = -3) on out() is not a size", "in = -3");
  }

  @Test
  void aSecondActivationIsAnErrorOnThatActivation() {
    JavaFileObject source = model("Net",
        "@Model @Loss(MSE)",
        "public interface Net {",
        "  @Linear(in = 2, out = 3)",
        "  @ReLU",
        "  @Tanh",
        "  Layer hidden();",
        "  @Linear(out = 1) Layer out();",
        "}");
    assertError(source, "[kiln:two-activations] @Tanh follows @ReLU on hidden(); a member takes at most one"
            + " activation. Declare a second member for it, e.g. @Tanh Layer hiddenActivation();", "@Tanh");
  }

  @Test
  void modelOnAClassIsAnErrorOnTheAnnotation() {
    JavaFileObject source = model("Net",
        "@Loss(MSE)",
        "@Model",
        "public abstract class Net {",
        "  @Linear(in = 2, out = 1) abstract Layer out();",
        "}");
    assertError(source, "[kiln:model-not-interface] @Model goes on an interface, and Net is a class."
            + " Declare Net as an interface whose methods return Layer", "@Model");
  }

  @Test
  void aModelWithoutLossIsAnError() {
    JavaFileObject source = model("Net",
        "@Model",
        "public interface Net {",
        "  @Linear(in = 2, out = 1) Layer out();",
        "}");
    assertError(source, "[kiln:missing-loss] @Model Net has no @Loss", "@Model");
  }

  @Test
  void aModelWithoutLayersIsAnError() {
    JavaFileObject source = model("Net",
        "@Model @Loss(MSE)",
        "public interface Net {",
        "  default int size() { return 0; }",
        "}");
    assertError(source, "[kiln:no-layers] @Model Net declares no layers", "@Model");
  }

  @Test
  void aLayerMethodReturningSomethingElseIsAnError() {
    JavaFileObject source = model("Net",
        "@Model @Loss(MSE)",
        "public interface Net {",
        "  @Linear(in = 2, out = 1) Object out();",
        "}");
    assertError(source, "[kiln:layer-return-type] Layer method out() returns java.lang.Object", "Object out()");
  }

  @Test
  void aLayerMethodWithParametersIsAnError() {
    JavaFileObject source = model("Net",
        "@Model @Loss(MSE)",
        "public interface Net {",
        "  @Linear(in = 2, out = 1) Layer out(int size);",
        "}");
    assertError(source, "[kiln:layer-parameters] Layer method out() takes parameters", "Layer out(int size)");
  }

  @Test
  void aLayerMethodWithoutAnnotationsIsAnError() {
    JavaFileObject source = model("Net",
        "@Model @Loss(MSE)",
        "public interface Net {",
        "  @Linear(in = 2, out = 1) Layer out();",
        "  Layer forgotten();",
        "}");
    assertError(source, "[kiln:layer-without-annotation] Layer method forgotten() has no layer annotation: a"
            + " kind (@Linear, @Conv2d, a pool, @Flatten, a norm, @Dropout), an activation, or @Residual on a block",
        "Layer forgotten()");
  }

  @Test
  void aLayerNamedLikeAGeneratedMemberIsAnError() {
    JavaFileObject source = model("Net",
        "@Model @Loss(MSE)",
        "public interface Net {",
        "  @Linear(in = 2, out = 1) Layer parameters();",
        "}");
    assertError(source, "[kiln:reserved-layer-name] Layer name parameters() is taken by the generated model", "Layer parameters()");
  }

  @Test
  void layerNamesThatShareTheirConstantsAreAnError() {
    JavaFileObject source = model("Net",
        "@Model @Loss(MSE)",
        "public interface Net {",
        "  @Linear(in = 2, out = 3) Layer fooBar();",
        "  @Linear(out = 1) Layer foo_bar();",
        "}");
    assertError(source, "[kiln:layer-name-clash] Layer methods fooBar() and foo_bar() both become the constants"
            + " FOO_BAR_*", "Layer foo_bar()");
  }

  @Test
  void everyErrorOfAModelIsReportedInOneCompile() {
    JavaFileObject source = model("Net",
        "@Model @Loss(CROSS_ENTROPY)",
        "public interface Net {",
        "  @Linear(out = 10) @ReLU Layer hidden();",
        "  @Linear(in = 7, out = 3) Layer middle();",
        "  @Linear(out = 2) @Softmax Layer out();",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation).hadErrorContaining("[kiln:first-layer-without-in]").inFile(source)
        .onLineContaining("Layer hidden()");
    assertThat(compilation).hadErrorContaining("[kiln:in-mismatch]").inFile(source).onLineContaining("in = 7");
    assertThat(compilation).hadErrorContaining("[kiln:softmax-before-cross-entropy]").inFile(source)
        .onLineContaining("@Softmax");
  }

  @Test
  void aRejectedModelGeneratesNothing() {
    JavaFileObject source = model("Net",
        "@Model @Loss(CROSS_ENTROPY)",
        "public interface Net {",
        "  @Linear(out = 10) Layer hidden();",
        "}");
    JavaFileObject user = model("User", "class User { NetModel model; }");
    Compilation compilation = compile(source, user);
    assertThat(compilation).hadErrorContaining("[kiln:first-layer-without-in]");
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(user).onLineContaining("NetModel model");
  }
}
