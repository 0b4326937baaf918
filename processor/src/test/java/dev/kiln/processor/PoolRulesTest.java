package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kiln.processor.Diagnostics.assertClean;
import static dev.kiln.processor.Diagnostics.assertError;
import static dev.kiln.processor.Diagnostics.assertWarning;
import static dev.kiln.processor.Sources.compile;
import static dev.kiln.processor.Sources.model;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Pools follow PyTorch's shape rules in javac: output sizes with ceil mode, padding at most half the kernel. */
class PoolRulesTest {

  @Test
  void leNet5AsIssue12DeclaresItCompilesCleanly() {
    assertClean(model("LeNet5",
        "@Model",
        "@Input(channels = 1, height = 28, width = 28)",
        "@Loss(CROSS_ENTROPY)",
        "public interface LeNet5 {",
        "  @Conv2d(out = 6, kernel = 5, padding = 2) @ReLU Layer conv1();",
        "  @MaxPool2d(kernel = 2)                     Layer pool1();",
        "  @Conv2d(out = 16, kernel = 5)       @ReLU Layer conv2();",
        "  @MaxPool2d(kernel = 2)                     Layer pool2();",
        "  @Flatten                                   Layer flatten();",
        "  @Linear(out = 120) @ReLU                   Layer fc1();",
        "  @Linear(out = 84)  @ReLU                   Layer fc2();",
        "  @Linear(out = 10)                          Layer fc3();",
        "}"));
  }

  @Test
  void aLeNetWhoseFc1SaysTwoHundredFiftySixIsPyTorchsShapeErrorInJavac() {
    assertError(model("LeNet5",
            "@Model @Input(channels = 1, height = 28, width = 28) @Loss(CROSS_ENTROPY)",
            "public interface LeNet5 {",
            "  @Conv2d(out = 6, kernel = 5, padding = 2) @ReLU Layer conv1();",
            "  @MaxPool2d(kernel = 2) Layer pool1();",
            "  @Conv2d(out = 16, kernel = 5) @ReLU Layer conv2();",
            "  @MaxPool2d(kernel = 2) Layer pool2();",
            "  @Flatten Layer flatten();",
            "  @Linear(in = 256, out = 120) @ReLU Layer fc1();",
            "  @Linear(out = 10) Layer fc2();",
            "}"),
        "[kiln:flattened-in-mismatch] @Linear(in = 256) on fc1() does not match the 400 = 16 x 5 x 5 values that"
            + " flatten() flattens to. Use in = 400, or leave in out",
        "in = 256");
  }

  @Test
  void poolPaddingAboveHalfTheKernelIsAnErrorOnIt() {
    assertError(model("Net",
            "@Model @Input(channels = 1, height = 8, width = 8) @Loss(MSE)",
            "public interface Net {",
            "  @MaxPool2d(kernel = 3, padding = 2) Layer pool();",
            "  @Flatten Layer flatten();",
            "  @Linear(out = 1) Layer out();",
            "}"),
        "[kiln:pool-padding-too-large] @MaxPool2d(padding = 2) on pool() is more than half its kernel of 3, which"
            + " PyTorch refuses. Use padding = 1 or less",
        "padding = 2");
  }

  @Test
  void aPoolThatShrankTheMapsTooFarIsAnErrorNamingTheIncomingShape() {
    assertError(model("Net",
            "@Model @Input(channels = 1, height = 8, width = 8) @Loss(MSE)",
            "public interface Net {",
            "  @MaxPool2d(kernel = 2) Layer pool1();",
            "  @MaxPool2d(kernel = 2) Layer pool2();",
            "  @MaxPool2d(kernel = 2) Layer pool3();",
            "  @AvgPool2d(kernel = 2) Layer pool4();",
            "  @Flatten Layer flatten();",
            "  @Linear(out = 1) Layer out();",
            "}"),
        "[kiln:kernel-larger-than-input] @AvgPool2d on pool4() spans 2 values (kernel 2, dilation 1), more than the"
            + " height of 1 plus padding 0 on each side of the 1 x 1 x 1 feature maps it receives",
        "Layer pool4()");
  }

  @Test
  void aPoolOnFlatFeaturesIsAnError() {
    assertError(model("Net",
            "@Model @Input(features = 8) @Loss(MSE)",
            "public interface Net {",
            "  @AvgPool2d(kernel = 2) Layer pool();",
            "  @Linear(out = 1) Layer out();",
            "}"),
        "[kiln:maps-after-flat] @AvgPool2d on pool() reads feature maps, and receives 8 flat features", "@AvgPool2d");
  }

  @Test
  void aNegativeStrideIsAnErrorOnIt() {
    assertError(model("Net",
            "@Model @Input(channels = 1, height = 8, width = 8) @Loss(MSE)",
            "public interface Net {",
            "  @MaxPool2d(kernel = 2, stride = -2) Layer pool();",
            "  @Flatten Layer flatten();",
            "  @Linear(out = 1) Layer out();",
            "}"),
        "[kiln:window-size-not-positive] @MaxPool2d(stride = -2) on pool() is not a size; stride is at least 1",
        "stride = -2");
  }

  @Test
  void ceilModeCountsTheLastPartialWindowAsPyTorchDoes() {
    Compilation compilation = compile(model("Net",
        "@Model @Input(channels = 1, height = 7, width = 7) @Loss(MSE)",
        "public interface Net {",
        "  @MaxPool2d(kernel = 2, ceilMode = true) Layer pool();",
        "  @Flatten Layer flatten();",
        "  @Linear(out = 1) Layer out();",
        "}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.NetModel").contentsAsUtf8String()
        .contains("static final int OUT_IN = 16;");
  }

  @Test
  void withoutCeilModeTheLastRowIsUncoveredAndSaidSo() {
    assertWarning(model("Net",
            "@Model @Input(channels = 1, height = 7, width = 8) @Loss(MSE)",
            "public interface Net {",
            "  @MaxPool2d(kernel = 2) Layer pool();",
            "  @Flatten Layer flatten();",
            "  @Linear(out = 1) Layer out();",
            "}"),
        "[kiln:uncovered-input] @MaxPool2d(stride = 2) on pool() leaves the last 1 row of its 1 x 7 x 8 input unused",
        "@MaxPool2d");
  }
}
