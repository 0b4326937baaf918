package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kiln.processor.Diagnostics.assertError;
import static dev.kiln.processor.Diagnostics.assertWarning;
import static dev.kiln.processor.Sources.compile;
import static dev.kiln.processor.Sources.model;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Every shape through a {@code @Conv2d} is inferred in javac, and each impossible one is an error on the annotation that causes it. */
class Conv2dRulesTest {

  @Test
  void aLeNetStyleStackCompilesWithEveryInInferred() {
    Compilation compilation = compile(model("Net",
        "@Model @Input(channels = 1, height = 28, width = 28) @Loss(CROSS_ENTROPY)",
        "public interface Net {",
        "  @Conv2d(out = 6, kernel = 5, padding = 2) @ReLU Layer conv1();",
        "  @Conv2d(out = 16, kernel = 5, stride = 2) @ReLU Layer conv2();",
        "  @Flatten Layer flatten();",
        "  @Linear(out = 10) Layer fc();",
        "}"));
    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("test.NetModel").contentsAsUtf8String()
        .contains(".add(\"conv1.weight\", CONV1_OUT_CHANNELS, CONV1_IN_CHANNELS, CONV1_KERNEL, CONV1_KERNEL)");
    assertThat(compilation).generatedSourceFile("test.NetModel").contentsAsUtf8String()
        .contains("static final int FC_IN = 2304;");
  }

  @Test
  void aConvolutionWithoutAnInputShapeIsAnError() {
    assertError(model("Net",
            "@Model @Loss(CROSS_ENTROPY)",
            "public interface Net {",
            "  @Conv2d(out = 6, kernel = 5) Layer conv1();",
            "  @Flatten Layer flatten();",
            "  @Linear(out = 10) Layer fc();",
            "}"),
        "[kiln:maps-without-input] @Conv2d on conv1() reads feature maps, and the model does not say their shape."
            + " Add @Input(channels = ..., height = ..., width = ...) to the model",
        "@Conv2d");
  }

  @Test
  void aConvolutionAfterTheNetworkIsFlatIsAnError() {
    assertError(model("Net",
            "@Model @Input(features = 16) @Loss(MSE)",
            "public interface Net {",
            "  @Conv2d(out = 2, kernel = 3) Layer conv();",
            "}"),
        "[kiln:maps-after-flat] @Conv2d on conv() reads feature maps, and receives 16 flat features. Move it before"
            + " the @Flatten, or remove it",
        "@Conv2d");
  }

  @Test
  void aDeclaredInThatDiffersFromTheChannelsIsAnErrorNamingBoth() {
    assertError(model("Net",
            "@Model @Input(channels = 3, height = 8, width = 8) @Loss(MSE)",
            "public interface Net {",
            "  @Conv2d(in = 1, out = 2, kernel = 3) Layer conv();",
            "  @Flatten Layer flatten();",
            "  @Linear(out = 1) Layer out();",
            "}"),
        "[kiln:conv-in-mismatch] @Conv2d(in = 1) on conv() does not match the 3 channels of the 3 x 8 x 8 feature"
            + " maps it receives. Use in = 3, or leave in out",
        "in = 1");
  }

  @Test
  void aKernelLargerThanThePaddedInputIsAnErrorNamingTheIncomingShape() {
    assertError(model("Net",
            "@Model @Input(channels = 1, height = 4, width = 4) @Loss(MSE)",
            "public interface Net {",
            "  @Conv2d(out = 2, kernel = 5) Layer conv();",
            "  @Flatten Layer flatten();",
            "  @Linear(out = 1) Layer out();",
            "}"),
        "[kiln:kernel-larger-than-input] @Conv2d on conv() spans 5 values (kernel 5, dilation 1), more than the height"
            + " of 4 plus padding 0 on each side of the 1 x 4 x 4 feature maps it receives",
        "kernel = 5");
  }

  @Test
  void aDilationThatSpansBeyondTheInputIsTheSameError() {
    assertError(model("Net",
            "@Model @Input(channels = 1, height = 6, width = 6) @Loss(MSE)",
            "public interface Net {",
            "  @Conv2d(out = 2, kernel = 3, dilation = 3) Layer conv();",
            "  @Flatten Layer flatten();",
            "  @Linear(out = 1) Layer out();",
            "}"),
        "[kiln:kernel-larger-than-input] @Conv2d on conv() spans 7 values (kernel 3, dilation 3)",
        "kernel = 3");
  }

  @Test
  void aKernelBelowOneIsAnErrorOnIt() {
    assertError(model("Net",
            "@Model @Input(channels = 1, height = 6, width = 6) @Loss(MSE)",
            "public interface Net {",
            "  @Conv2d(out = 2, kernel = 0) Layer conv();",
            "  @Flatten Layer flatten();",
            "  @Linear(out = 1) Layer out();",
            "}"),
        "[kiln:window-size-not-positive] @Conv2d(kernel = 0) on conv() is not a size; kernel is at least 1",
        "kernel = 0");
  }

  @Test
  void aStrideBelowOneIsAnErrorOnIt() {
    assertError(model("Net",
            "@Model @Input(channels = 1, height = 6, width = 6) @Loss(MSE)",
            "public interface Net {",
            "  @Conv2d(out = 2, kernel = 3, stride = -1) Layer conv();",
            "  @Flatten Layer flatten();",
            "  @Linear(out = 1) Layer out();",
            "}"),
        "[kiln:window-size-not-positive] @Conv2d(stride = -1) on conv() is not a size; stride is at least 1",
        "stride = -1");
  }

  @Test
  void negativePaddingIsAnErrorOnIt() {
    assertError(model("Net",
            "@Model @Input(channels = 1, height = 6, width = 6) @Loss(MSE)",
            "public interface Net {",
            "  @Conv2d(out = 2, kernel = 3, padding = -1) Layer conv();",
            "  @Flatten Layer flatten();",
            "  @Linear(out = 1) Layer out();",
            "}"),
        "[kiln:negative-padding] @Conv2d(padding = -1) on conv() is negative; padding is at least 0",
        "padding = -1");
  }

  @Test
  void aStrideThatLeavesTheLastRowsUnusedIsAWarningNamingHowMany() {
    assertWarning(model("Net",
            "@Model @Input(channels = 1, height = 9, width = 8) @Loss(MSE)",
            "public interface Net {",
            "  @Conv2d(out = 2, kernel = 2, stride = 3) Layer conv();",
            "  @Flatten Layer flatten();",
            "  @Linear(out = 1) Layer out();",
            "}"),
        "[kiln:uncovered-input] @Conv2d(stride = 3) on conv() leaves the last 1 row of its 1 x 9 x 8 input unused;"
            + " PyTorch drops them too",
        "stride = 3");
  }

  @Test
  void allProblemsOfAConvolutionalModelComeOutInOneCompile() {
    Compilation compilation = compile(model("Net",
        "@Model @Input(channels = 3, height = 8, width = 8) @Loss(MSE)",
        "public interface Net {",
        "  @Conv2d(in = 1, out = 2, kernel = 3) Layer conv();",
        "  @Linear(out = 1) Layer out();",
        "}"));
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("[kiln:conv-in-mismatch]");
    assertThat(compilation).hadErrorContaining("[kiln:linear-on-feature-map] @Linear on out() receives feature maps"
        + " of 2 x 6 x 6 and takes a vector. Add a @Flatten member before out(); it would get in = 72 = 2 x 6 x 6");
  }
}
