package dev.kiln.processor;

import static dev.kiln.processor.Diagnostics.assertClean;
import static dev.kiln.processor.Diagnostics.assertError;
import static dev.kiln.processor.Diagnostics.assertWarning;
import static dev.kiln.processor.Sources.model;

import org.junit.jupiter.api.Test;

/** Batch and layer normalization in javac: the shape each takes, its options, its place. */
class NormRulesTest {

  @Test
  void normalizationOnVectorsAndMapsWithActivationsCompilesCleanly() {
    assertClean(model("Net",
        "@Model @Input(channels = 1, height = 8, width = 8) @Loss(CROSS_ENTROPY)",
        "public interface Net {",
        "  @Conv2d(out = 4, kernel = 3, padding = 1, bias = false) Layer conv();",
        "  @BatchNorm2d @ReLU Layer bn();",
        "  @LayerNorm Layer mapNorm();",
        "  @Flatten Layer flatten();",
        "  @Linear(out = 16) Layer hidden();",
        "  @BatchNorm1d(momentum = 0.01f) @GELU Layer hiddenNorm();",
        "  @LayerNorm(elementwiseAffine = false) Layer vectorNorm();",
        "  @Linear(out = 3) Layer out();",
        "}"));
  }

  @Test
  void batchNorm2dOnAVectorIsAnErrorSayingToUseBatchNorm1d() {
    assertError(model("Net",
            "@Model @Input(features = 6) @Loss(MSE)",
            "public interface Net {",
            "  @Linear(out = 4) Layer hidden();",
            "  @BatchNorm2d Layer bn();",
            "  @Linear(out = 1) Layer out();",
            "}"),
        "[kiln:batchnorm2d-on-vector] @BatchNorm2d on bn() normalises feature maps channel by channel, and"
            + " receives 4 flat features. Use @BatchNorm1d here, or move it before the @Flatten",
        "@BatchNorm2d Layer bn()");
  }

  @Test
  void batchNorm1dOnFeatureMapsIsAnErrorSayingToUseBatchNorm2d() {
    assertError(model("Net",
            "@Model @Input(channels = 2, height = 4, width = 4) @Loss(MSE)",
            "public interface Net {",
            "  @BatchNorm1d Layer bn();",
            "  @Flatten Layer flatten();",
            "  @Linear(out = 1) Layer out();",
            "}"),
        "[kiln:batchnorm1d-on-maps] @BatchNorm1d on bn() normalises a vector's features, and receives feature maps"
            + " of 2 x 4 x 4. Use @BatchNorm2d, which normalises each channel",
        "@BatchNorm1d Layer bn()");
  }

  @Test
  void aNormFirstWithoutInputIsAnErrorSayingToAddOne() {
    assertError(model("Net",
            "@Model @Loss(MSE)",
            "public interface Net {",
            "  @LayerNorm Layer norm();",
            "  @Linear(in = 4, out = 1) Layer out();",
            "}"),
        "[kiln:norm-without-input] @LayerNorm on norm() normalises what flows into it, and nothing does: it comes"
            + " first and the model has no @Input. Add @Input(features = ...) or @Input(channels = ..., height = ...,"
            + " width = ...) to the model",
        "@LayerNorm Layer norm()");
  }

  @Test
  void layerNormOverASingleValueIsAnErrorSayingItsOutputIsConstant() {
    assertError(model("Net",
            "@Model @Input(features = 4) @Loss(MSE)",
            "public interface Net {",
            "  @Linear(out = 1) Layer hidden();",
            "  @LayerNorm Layer norm();",
            "}"),
        "[kiln:layer-norm-of-one] @LayerNorm on norm() normalises a single value, so its output is always its"
            + " bias, whatever the input. Give the layer before it more outputs, or remove the @LayerNorm",
        "@LayerNorm Layer norm()");
  }

  @Test
  void aNonPositiveEpsIsAnErrorOnTheValue() {
    assertError(model("Net",
            "@Model @Input(features = 3) @Loss(MSE)",
            "public interface Net {",
            "  @BatchNorm1d(eps = 0f) Layer bn();",
            "  @Linear(out = 1) Layer out();",
            "}"),
        "[kiln:norm-option-out-of-range] @BatchNorm1d(eps = 0.0) on bn() is out of range: eps is a finite number"
            + " above 0. Choose a value in that range",
        "eps = 0f");
  }

  @Test
  void aMomentumAboveOneIsAnErrorOnTheValue() {
    assertError(model("Net",
            "@Model @Input(channels = 1, height = 3, width = 3) @Loss(MSE)",
            "public interface Net {",
            "  @BatchNorm2d(momentum = 1.5f) Layer bn();",
            "  @Flatten Layer flatten();",
            "  @Linear(out = 1) Layer out();",
            "}"),
        "[kiln:norm-option-out-of-range] @BatchNorm2d(momentum = 1.5) on bn() is out of range: momentum is in"
            + " [0, 1]. Choose a value in that range",
        "momentum = 1.5f");
  }

  @Test
  void dropoutJustBeforeBatchNormIsAWarningOnTheDropout() {
    assertWarning(model("Net",
            "@Model @Input(features = 8) @Loss(MSE)",
            "public interface Net {",
            "  @Linear(out = 6) @ReLU @Dropout(p = 0.3f) Layer hidden();",
            "  @BatchNorm1d Layer bn();",
            "  @Linear(out = 1) Layer out();",
            "}"),
        "[kiln:dropout-before-batch-norm] @Dropout on hidden() comes just before @BatchNorm1d on bn(): dropout"
            + " changes the variance that batch normalization learns in training, and evaluation then sees another,"
            + " which costs accuracy. Move the dropout after the normalization, or remove it",
        "@Dropout(p = 0.3f)");
  }

  @Test
  void dropoutBeforeLayerNormIsFine() {
    assertClean(model("Net",
        "@Model @Input(features = 8) @Loss(MSE)",
        "public interface Net {",
        "  @Linear(out = 6) @ReLU @Dropout(p = 0.3f) Layer hidden();",
        "  @LayerNorm Layer norm();",
        "  @Linear(out = 1) Layer out();",
        "}"));
  }

  @Test
  void aSecondLayerOnOneMemberIsAnErrorOnItSayingToDeclareAMember() {
    assertError(model("Net",
            "@Model @Input(channels = 1, height = 6, width = 6) @Loss(MSE)",
            "public interface Net {",
            "  @Conv2d(out = 2, kernel = 3)",
            "  @BatchNorm2d Layer conv();",
            "  @Flatten Layer flatten();",
            "  @Linear(out = 1) Layer out();",
            "}"),
        "[kiln:two-layers] @BatchNorm2d follows @Conv2d on conv(); a member holds one layer, with at most an"
            + " activation and dropout. Declare a member of its own for it, e.g. @BatchNorm2d Layer convNext();",
        "@BatchNorm2d Layer conv()");
  }
}
