package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kiln.processor.Diagnostics.assertClean;
import static dev.kiln.processor.Diagnostics.assertError;
import static dev.kiln.processor.Sources.compile;
import static dev.kiln.processor.Sources.model;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Blocks in javac: any legal Java form of declaring one, sizes checked where each is used, misuses refused. */
class BlockRulesTest {

  @Test
  void aBlockNestedInTheModelAndUsedTwiceCompilesCleanly() {
    assertClean(model("Net",
        "@Model @Input(channels = 1, height = 6, width = 6) @Loss(CROSS_ENTROPY)",
        "public interface Net {",
        "  @Block interface Unit {",
        "    @Conv2d(out = 4, kernel = 3, padding = 1) @ReLU Layer conv();",
        "    @BatchNorm2d Layer bn();",
        "  }",
        "  Unit first();",
        "  @Tanh Unit second();",
        "  @Flatten Layer flatten();",
        "  @Linear(out = 2) Layer out();",
        "}"));
  }

  @Test
  void aBlockInAnotherFileAndPackageDeclaredAfterItsUseCompilesCleanly() {
    JavaFileObject block = JavaFileObjects.forSourceString("blocks.Mlp", String.join("\n",
        "package blocks;",
        "import dev.kiln.dsl.*;",
        "import dev.kiln.runtime.Layer;",
        "@Block public interface Mlp {",
        "  @Linear(out = 8) @GELU Layer up();",
        "  @Linear(out = 4) Layer down();",
        "}"));
    Compilation compilation = compile(model("Net",
        "@Model @Input(features = 4) @Loss(MSE)",
        "public interface Net {",
        "  @Linear(out = 1) Layer out();",
        "  blocks.Mlp mlp();",
        "}"), block);
    // The member order is the user's: mlp() comes after out(), so out() reads 4 features and mlp() 1.
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void aBlockWhoseFirstLayerSaysAnotherInIsAnErrorOnTheMemberThatUsesIt() {
    assertError(model("Net",
            "@Model @Input(features = 6) @Loss(MSE)",
            "public interface Net {",
            "  @Block interface Pair {",
            "    @Linear(in = 4, out = 3) Layer a();",
            "    @Linear(out = 2) Layer b();",
            "  }",
            "  Pair pair();",
            "  @Linear(out = 1) Layer out();",
            "}"),
        "[kiln:input-mismatch] @Linear(in = 4) on pair.a() does not match @Input(features = 6)",
        "Pair pair();");
  }

  @Test
  void aBadOptionInABlockUsedTwiceIsOneErrorOnTheBlocksAnnotation() {
    assertError(model("Net",
            "@Model @Input(features = 2) @Loss(MSE)",
            "public interface Net {",
            "  @Block interface Normed {",
            "    @LayerNorm(eps = 0f) Layer norm();",
            "  }",
            "  Normed first();",
            "  Normed second();",
            "  @Linear(out = 1) Layer out();",
            "}"),
        "[kiln:norm-option-out-of-range] @LayerNorm(eps = 0.0) on norm() is out of range",
        "eps = 0f");
  }

  @Test
  void theLossPairingRulesSeeTheFinalActivationInsideTheLastBlock() {
    assertError(model("Net",
            "@Model @Input(features = 4) @Loss(CROSS_ENTROPY)",
            "public interface Net {",
            "  @Block interface Head {",
            "    @Linear(out = 3) @Softmax Layer classes();",
            "  }",
            "  @Linear(out = 8) @ReLU Layer hidden();",
            "  Head head();",
            "}"),
        "[kiln:softmax-before-cross-entropy] @Softmax on head.classes() feeds @Loss(CROSS_ENTROPY)",
        "Head head();");
  }

  @Test
  void miniResNetAsIssue13DeclaresItCompilesCleanly() {
    assertClean(model("MiniResNet",
        "@Block",
        "interface BasicBlock {",
        "  @Conv2d(out = 16, kernel = 3, padding = 1, bias = false) Layer conv1();",
        "  @BatchNorm2d                                              Layer bn1();",
        "  @ReLU                                                     Layer relu();",
        "  @Conv2d(out = 16, kernel = 3, padding = 1, bias = false) Layer conv2();",
        "  @BatchNorm2d                                              Layer bn2();",
        "}",
        "@Model",
        "@Input(channels = 1, height = 28, width = 28)",
        "@Loss(CROSS_ENTROPY)",
        "public interface MiniResNet {",
        "  @Conv2d(out = 16, kernel = 3, padding = 1, bias = false) Layer stem();",
        "  @BatchNorm2d @ReLU                                        Layer bn();",
        "  @MaxPool2d(kernel = 2)                                    Layer pool();",
        "  @Residual @ReLU BasicBlock block1();",
        "  @Residual @ReLU BasicBlock block2();",
        "  @AvgPool2d(kernel = 14)                                   Layer gap();",
        "  @Flatten                                                  Layer flatten();",
        "  @Linear(out = 10)                                         Layer fc();",
        "}"));
  }

  @Test
  void aResidualBlockThatChangesTheShapeIsAnErrorSuggestingAProjection() {
    assertError(model("Net",
            "@Model @Input(channels = 2, height = 6, width = 6) @Loss(MSE)",
            "public interface Net {",
            "  @Block interface Wider {",
            "    @Conv2d(out = 4, kernel = 3, padding = 1) Layer conv();",
            "  }",
            "  @Residual @ReLU Wider block();",
            "  @Flatten Layer flatten();",
            "  @Linear(out = 1) Layer out();",
            "}"),
        "[kiln:residual-shape-mismatch] @Residual on block() adds its input of 2 x 6 x 6 to the output of its"
            + " block, 4 x 6 x 6, and the two differ. Make the block end in the shape it starts with, e.g. with a"
            + " projection: a 1x1 @Conv2d or a @Linear as its last layer",
        "@Residual @ReLU Wider block()");
  }

  @Test
  void residualOnALayerIsAnError() {
    assertError(model("Net",
            "@Model @Input(features = 3) @Loss(MSE)",
            "public interface Net {",
            "  @Residual @Linear(out = 3) Layer hidden();",
            "  @Linear(out = 1) Layer out();",
            "}"),
        "[kiln:residual-not-on-block] @Residual on hidden() needs a block to go around, and hidden() returns"
            + " dev.kiln.runtime.Layer. Return a @Block interface, or remove @Residual",
        "@Residual @Linear(out = 3) Layer hidden()");
  }

  @Test
  void aBlockWithALossIsAnError() {
    assertError(model("Net",
            "@Model @Input(features = 2) @Loss(MSE)",
            "public interface Net {",
            "  @Block @Loss(MSE) interface Pair {",
            "    @Linear(out = 3) Layer a();",
            "  }",
            "  Pair pair();",
            "  @Linear(out = 1) Layer out();",
            "}"),
        "[kiln:block-with-loss] @Block Pair has a @Loss; only a @Model has one. Move the @Loss to the model that"
            + " uses Pair",
        "@Block @Loss(MSE) interface Pair");
  }

  @Test
  void aBlockThatContainsItselfIsAnErrorOnTheMemberThatClosesTheLoop() {
    assertError(model("Net",
            "@Model @Input(features = 2) @Loss(MSE)",
            "public interface Net {",
            "  @Block interface Loop {",
            "    @Linear(out = 3) Layer a();",
            "    Loop again();",
            "  }",
            "  Loop loop();",
            "  @Linear(out = 1) Layer out();",
            "}"),
        "[kiln:block-contains-itself] again() uses @Block Loop inside Loop itself, which would never end. Use"
            + " another block type here",
        "Loop again();");
  }

  @Test
  void aGenericBlockIsAnError() {
    assertError(model("Net",
            "@Model @Input(features = 2) @Loss(MSE)",
            "public interface Net {",
            "  @Block interface Pair<T> {",
            "    @Linear(out = 3) Layer a();",
            "  }",
            "  Pair<String> pair();",
            "  @Linear(out = 1) Layer out();",
            "}"),
        "[kiln:block-generic] @Block interface Pair has type parameters; a block has fixed types. Remove the type"
            + " parameters",
        "@Block interface Pair<T>");
  }

  @Test
  void aBlockWithAnInputIsAnError() {
    assertError(model("Net",
            "@Model @Input(features = 2) @Loss(MSE)",
            "public interface Net {",
            "  @Block @Input(features = 2) interface Pair {",
            "    @Linear(out = 3) Layer a();",
            "  }",
            "  Pair pair();",
            "  @Linear(out = 1) Layer out();",
            "}"),
        "[kiln:block-with-input] @Block Pair has an @Input; a block's sizes flow in from where it is used. Remove"
            + " the @Input",
        "@Block @Input(features = 2) interface Pair");
  }

  @Test
  void aBlockWithoutLayersIsAnErrorOnTheMemberThatUsesIt() {
    assertError(model("Net",
            "@Model @Input(features = 2) @Loss(MSE)",
            "public interface Net {",
            "  @Block interface Empty {}",
            "  Empty nothing();",
            "  @Linear(out = 1) Layer out();",
            "}"),
        "[kiln:block-no-layers] @Block Empty, used by nothing(), declares no layers. Add abstract methods returning"
            + " Layer",
        "Empty nothing();");
  }

  @Test
  void aBlockThatIsAClassIsAnError() {
    assertError(model("Net",
            "@Model @Input(features = 2) @Loss(MSE)",
            "public interface Net {",
            "  @Block abstract class Pair {",
            "    @Linear(out = 3) abstract Layer a();",
            "  }",
            "  Pair pair();",
            "  @Linear(out = 1) Layer out();",
            "}"),
        "[kiln:block-not-interface] @Block goes on an interface, and Pair is a class. Declare Pair as an interface"
            + " whose methods return Layer",
        "@Block abstract class Pair");
  }
}
