package dev.kiln.processor;

import static dev.kiln.processor.Diagnostics.assertClean;
import static dev.kiln.processor.Diagnostics.assertError;
import static dev.kiln.processor.Diagnostics.assertWarning;
import static dev.kiln.processor.Sources.model;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The options of {@code @Loss} and {@code @Dropout}: each rule, reported on the value that is wrong. */
class LossOptionRulesTest {

  /** A 4-3 network with the given loss options, each on a line of its own. */
  private static JavaFileObject net(String kind, String finalActivation, String... options) {
    return model("Net",
        "@Model",
        "@Loss(value = " + kind + (options.length == 0 ? "" : ",\n      " + String.join(",\n      ", options)) + ")",
        "public interface Net {",
        "  @Linear(in = 4, out = 3) " + finalActivation + " Layer out();",
        "}");
  }

  @Test
  void classWeightsMustBeOnePerOutput() {
    assertError(net("CROSS_ENTROPY", "", "weight = {1, 2}"),
        "[kiln:weight-length] @Loss(weight) has 2 values and the network has 3 outputs. Give one weight per class",
        "weight = {1, 2}");
  }

  @Test
  void bceWeightsMustBeOnePerOutput() {
    assertError(net("BCE_WITH_LOGITS", "", "weight = {1, 2, 3, 4}"),
        "[kiln:weight-length] @Loss(weight) has 4 values and the network has 3 outputs. Give one weight per output",
        "weight = {1, 2, 3, 4}");
  }

  @Test
  void posWeightMustBeOneOrOnePerOutput() {
    assertError(net("BCE_WITH_LOGITS", "", "posWeight = {1, 2}"),
        "[kiln:pos-weight-length] @Loss(posWeight) has 2 values and the network has 3 outputs. Give one value for"
            + " all outputs, or one per output", "posWeight = {1, 2}");
  }

  @Test
  void onePosWeightForAllOutputsIsFine() {
    assertClean(net("BCE_WITH_LOGITS", "", "posWeight = 2"));
  }

  @Test
  void ignoreIndexOnALossWithoutClassesIsAnError() {
    assertError(net("MSE", "", "ignoreIndex = 1"),
        "[kiln:option-not-taken] @Loss(MSE) does not take ignoreIndex; it takes no options. Remove ignoreIndex",
        "ignoreIndex = 1");
  }

  @Test
  void labelSmoothingOnNllIsAnError() {
    assertError(net("NLL", "@LogSoftmax", "labelSmoothing = 0.1f"),
        "[kiln:option-not-taken] @Loss(NLL) does not take labelSmoothing; it takes weight, ignoreIndex. Remove"
            + " labelSmoothing", "labelSmoothing = 0.1f");
  }

  @Test
  void anOptionOfAnotherLossIsAnError() {
    assertError(net("CROSS_ENTROPY", "", "gamma = 2"),
        "[kiln:option-not-taken] @Loss(CROSS_ENTROPY) does not take gamma; it takes weight, ignoreIndex,"
            + " labelSmoothing. Remove gamma", "gamma = 2");
  }

  @Test
  void labelSmoothingAboveOneIsOutOfRange() {
    assertError(net("CROSS_ENTROPY", "", "labelSmoothing = 1.5f"),
        "[kiln:option-out-of-range] @Loss(labelSmoothing = 1.5) is out of range: labelSmoothing is in [0, 1]."
            + " Choose a value in that range", "labelSmoothing = 1.5f");
  }

  @Test
  void aNegativeBetaIsOutOfRange() {
    assertError(net("SMOOTH_L1", "", "beta = -0.5f"),
        "[kiln:option-out-of-range] @Loss(beta = -0.5) is out of range: beta is at least 0 (0 makes it L1)",
        "beta = -0.5f");
  }

  @Test
  void aZeroDeltaIsOutOfRange() {
    assertError(net("HUBER", "", "delta = 0"),
        "[kiln:option-out-of-range] @Loss(delta = 0.0) is out of range: delta is above 0", "delta = 0");
  }

  @Test
  void aNegativeGammaIsOutOfRange() {
    assertError(net("FOCAL", "", "gamma = -1"),
        "[kiln:option-out-of-range] @Loss(gamma = -1.0) is out of range: gamma is at least 0", "gamma = -1");
  }

  @Test
  void anAlphaOutsideTheUnitIntervalIsOutOfRange() {
    assertError(net("FOCAL", "", "alpha = 1.5f"),
        "[kiln:option-out-of-range] @Loss(alpha = 1.5) is out of range: alpha is in [0, 1], or -1 for none",
        "alpha = 1.5f");
  }

  @Test
  void alphaMinusOneTurnsWeightingOff() {
    assertClean(net("FOCAL", "", "alpha = -1", "gamma = 0"));
  }

  @Test
  void batchMeanIsForKlDivOnly() {
    assertError(net("MSE", "", "reduction = Reduction.BATCHMEAN"),
        "[kiln:batchmean-needs-kl-div] @Loss(reduction = BATCHMEAN) is for KL_DIV; @Loss(MSE) takes MEAN or SUM."
            + " Use one of those", "reduction = Reduction.BATCHMEAN");
  }

  @Test
  void klDivWithMeanWarnsThatBatchMeanIsTheDefinition() {
    assertWarning(net("KL_DIV", "@LogSoftmax", "reduction = Reduction.MEAN"),
        "[kiln:kl-div-mean] @Loss(KL_DIV) with reduction MEAN divides by every element, not by the rows, so it is"
            + " not the KL divergence (PyTorch warns too). Use reduction = BATCHMEAN", "reduction = Reduction.MEAN");
  }

  @Test
  void klDivWithBatchMeanIsClean() {
    assertClean(net("KL_DIV", "@LogSoftmax", "reduction = Reduction.BATCHMEAN", "logTarget = true"));
  }

  @Test
  void everyOptionOfCrossEntropyTogetherIsClean() {
    assertClean(net("CROSS_ENTROPY", "", "weight = {1, 2, 3}", "ignoreIndex = 0", "labelSmoothing = 0.1f",
        "reduction = Reduction.SUM"));
  }

  @Test
  void aDropoutProbabilityOfOneIsAnError() {
    JavaFileObject source = model("Net",
        "@Model @Loss(MSE)",
        "public interface Net {",
        "  @Linear(in = 4, out = 3) @ReLU @Dropout(",
        "      p = 1) Layer hidden();",
        "  @Linear(out = 1) Layer out();",
        "}");
    assertError(source, "[kiln:dropout-probability] @Dropout(p = 1.0) on hidden() is not a probability of dropping"
        + " an output; p is in [0, 1). Choose a value in that range", "p = 1)");
  }

  @Test
  void aNegativeDropoutProbabilityIsAnError() {
    JavaFileObject source = model("Net",
        "@Model @Loss(MSE)",
        "public interface Net {",
        "  @Linear(in = 4, out = 3) @Dropout(p = -0.1f) Layer hidden();",
        "  @Linear(out = 1) Layer out();",
        "}");
    assertError(source, "[kiln:dropout-probability] @Dropout(p = -0.1) on hidden()", "p = -0.1f");
  }

  @Test
  void aClassWeightThatIsNotANumberIsOutOfRange() {
    assertError(net("CROSS_ENTROPY", "", "weight = {1, Float.NaN, 1}"),
        "[kiln:option-out-of-range] @Loss(weight = {1.0f, 0.0f/0.0f, 1.0f}) is out of range: weight values are finite"
            + " and at least 0", "weight = {1, Float.NaN, 1}");
  }

  @Test
  void anActivationOptionThatIsNotANumberIsOutOfRange() {
    JavaFileObject source = model("Net",
        "@Model @Loss(MSE)",
        "public interface Net {",
        "  @Linear(in = 4, out = 3) @LeakyReLU(",
        "      negativeSlope = Float.NaN) Layer out();",
        "}");
    assertError(source, "[kiln:activation-option-out-of-range] @LeakyReLU(negativeSlope = NaN) on out() is out of"
        + " range: negativeSlope is a finite number. Choose a value in that range", "negativeSlope = Float.NaN");
  }

  @Test
  void aSoftplusBetaOfZeroIsOutOfRange() {
    assertError(net("MSE", "@Softplus(beta = 0)"),
        "[kiln:activation-option-out-of-range] @Softplus(beta = 0.0) on out() is out of range: beta is above 0",
        "@Softplus(beta = 0)");
  }
}
