package dev.kiln.processor;

import static dev.kiln.processor.Diagnostics.assertClean;
import static dev.kiln.processor.Diagnostics.assertError;
import static dev.kiln.processor.Diagnostics.assertWarning;
import static dev.kiln.processor.Sources.model;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The final activation suits the loss: each rule of the table, with its tag, message and line. */
class LossPairingRulesTest {

  /** A 4-5-n ELU network whose output layer carries {@code outputAnnotations} on a line of its own. */
  private static JavaFileObject net(String loss, int outputs, String outputAnnotations) {
    return model("Net",
        "@Model",
        "@Loss(" + loss + ")",
        "public interface Net {",
        "  @Linear(in = 4, out = 5) @ELU Layer hidden();",
        "  @Linear(out = " + outputs + ")",
        "  " + outputAnnotations,
        "  Layer out();",
        "}");
  }

  @Test
  void sigmoidBeforeBceWithLogitsIsAnError() {
    assertError(net("BCE_WITH_LOGITS", 3, "@Sigmoid"),
        "[kiln:sigmoid-before-logits-loss] @Sigmoid on out() feeds @Loss(BCE_WITH_LOGITS), which applies the"
            + " sigmoid itself: the double sigmoid squashes the logits and stalls training. Remove @Sigmoid; the"
            + " model's probabilities() gives sigmoid probabilities", "@Sigmoid");
  }

  @Test
  void sigmoidBeforeFocalIsAnError() {
    assertError(net("FOCAL", 3, "@Sigmoid"), "[kiln:sigmoid-before-logits-loss] @Sigmoid on out() feeds @Loss(FOCAL)",
        "@Sigmoid");
  }

  @Test
  void softmaxOverASingleOutputIsAnError() {
    assertError(net("MSE", 1, "@Softmax"),
        "[kiln:softmax-of-one] @Softmax on out() acts on a single value, so its output is always exactly 1.0."
            + " Give the layer more outputs, or use @Sigmoid for the probability of one output", "@Softmax");
  }

  @Test
  void logSoftmaxOverASingleOutputIsAnError() {
    assertError(net("MSE", 1, "@LogSoftmax"), "[kiln:softmax-of-one] @LogSoftmax on out() acts on a single value,"
        + " so its output is always exactly 0.0", "@LogSoftmax");
  }

  @Test
  void crossEntropyWithOneOutputIsAnErrorSuggestingBceWithLogits() {
    assertError(net("CROSS_ENTROPY", 1, ""),
        "[kiln:class-loss-one-output] @Loss(CROSS_ENTROPY) needs one output per class, and the network has 1: a"
            + " single class is always right. Use @Loss(BCE_WITH_LOGITS) for one yes-or-no output, or give out()"
            + " an output per class", "@Loss(CROSS_ENTROPY)");
  }

  @Test
  void nllWithOneOutputIsAnError() {
    assertError(net("NLL", 1, ""), "[kiln:class-loss-one-output] @Loss(NLL) needs one output per class",
        "@Loss(NLL)");
  }

  @Test
  void bceWithoutAnActivationIsAnErrorOnTheLoss() {
    assertError(net("BCE", 3, ""),
        "[kiln:bce-needs-probabilities] @Loss(BCE) takes probabilities in [0, 1], and out() gives unbounded"
            + " values, with no activation after its @Linear. Use @Loss(BCE_WITH_LOGITS), which takes the logits"
            + " and applies the sigmoid itself, stably", "@Loss(BCE)");
  }

  @Test
  void bceAfterReluIsAnErrorOnTheRelu() {
    assertError(net("BCE", 3, "@ReLU"), "[kiln:bce-needs-probabilities] @Loss(BCE) takes probabilities in [0, 1],"
        + " and out() gives @ReLU's output, which is not bounded to [0, 1]", "@ReLU");
  }

  @Test
  void bceAfterTanhIsAnError() {
    assertError(net("BCE", 3, "@Tanh"), "[kiln:bce-needs-probabilities]", "@Tanh");
  }

  @Test
  void softmaxBeforeBceIsAnError() {
    assertError(net("BCE", 3, "@Softmax"),
        "[kiln:softmax-before-binary-loss] @Softmax on out() feeds @Loss(BCE), a loss for independent yes-or-no"
            + " outputs: softmax makes the outputs compete for one class.", "@Softmax");
  }

  @Test
  void softmaxBeforeBceWithLogitsIsAnError() {
    assertError(net("BCE_WITH_LOGITS", 3, "@Softmax"),
        "[kiln:softmax-before-binary-loss] @Softmax on out() feeds @Loss(BCE_WITH_LOGITS)", "@Softmax");
  }

  @Test
  void sigmoidBeforeCrossEntropyIsAnError() {
    assertError(net("CROSS_ENTROPY", 3, "@Sigmoid"),
        "[kiln:sigmoid-before-class-loss] @Sigmoid on out() feeds @Loss(CROSS_ENTROPY), a loss over one class per"
            + " row: independent sigmoids are not class scores. Remove @Sigmoid, since cross-entropy takes logits,"
            + " or use @Loss(BCE_WITH_LOGITS) for independent labels", "@Sigmoid");
  }

  @Test
  void sigmoidBeforeNllIsAnError() {
    assertError(net("NLL", 3, "@Sigmoid"), "[kiln:sigmoid-before-class-loss] @Sigmoid on out() feeds @Loss(NLL),"
        + " a loss over one class per row: independent sigmoids are not class scores. Use @LogSoftmax instead of"
        + " @Sigmoid", "@Sigmoid");
  }

  @Test
  void softmaxBeforeNllIsAnErrorSuggestingLogSoftmax() {
    assertError(net("NLL", 3, "@Softmax"),
        "[kiln:softmax-before-log-probability-loss] @Softmax on out() feeds @Loss(NLL), which expects"
            + " log-probabilities, not probabilities. Use @LogSoftmax", "@Softmax");
  }

  @Test
  void softmaxBeforeKlDivIsAnError() {
    assertError(net("value = KL_DIV, reduction = Reduction.BATCHMEAN", 3, "@Softmax"),
        "[kiln:softmax-before-log-probability-loss] @Softmax on out() feeds @Loss(KL_DIV)", "@Softmax");
  }

  @Test
  void sigmoidBeforeBceWorksWithAStabilityWarning() {
    assertWarning(net("BCE", 3, "@Sigmoid"),
        "[kiln:sigmoid-before-bce] @Sigmoid on out() feeds @Loss(BCE): it works, but BCE_WITH_LOGITS is"
            + " numerically more stable", "@Sigmoid");
  }

  @Test
  void logSoftmaxBeforeCrossEntropyIsRedundant() {
    assertWarning(net("CROSS_ENTROPY", 3, "@LogSoftmax"),
        "[kiln:log-softmax-before-cross-entropy] @LogSoftmax on out() feeds @Loss(CROSS_ENTROPY), which applies"
            + " log-softmax itself: the second one changes nothing and costs time", "@LogSoftmax");
  }

  @Test
  void nllWithoutAnActivationWarnsOnTheLoss() {
    assertWarning(net("NLL", 3, ""), "[kiln:nll-needs-log-probabilities] @Loss(NLL) expects log-probabilities,"
        + " and out() gives raw scores, with no activation after its @Linear. Add @LogSoftmax", "@Loss(NLL)");
  }

  @Test
  void reluBeforeNllWarns() {
    assertWarning(net("NLL", 3, "@ReLU"), "[kiln:nll-needs-log-probabilities] @Loss(NLL) expects log-probabilities,"
        + " and out() gives @ReLU's output", "@ReLU");
  }

  @Test
  void reluBeforeCrossEntropyWarnsThatLogitsCannotGoNegative() {
    assertWarning(net("CROSS_ENTROPY", 3, "@ReLU"),
        "[kiln:non-negative-logits] @ReLU on out() feeds @Loss(CROSS_ENTROPY), which takes logits: logits that"
            + " cannot go negative cannot score a class below the others. Remove @ReLU", "@ReLU");
  }

  @Test
  void softplusBeforeBceWithLogitsWarns() {
    assertWarning(net("BCE_WITH_LOGITS", 3, "@Softplus"),
        "[kiln:non-negative-logits] @Softplus on out() feeds @Loss(BCE_WITH_LOGITS)", "@Softplus");
  }

  @Test
  void tanhBeforeCrossEntropyWarnsThatConfidenceIsCapped() {
    assertWarning(net("CROSS_ENTROPY", 3, "@Tanh"),
        "[kiln:squashed-logits] @Tanh on out() feeds @Loss(CROSS_ENTROPY): logits squashed into [-1, 1] cap how"
            + " confident the model can be. Remove @Tanh", "@Tanh");
  }

  @Test
  void theFinalActivationIsFoundBehindAMemberThatOnlyDropsOut() {
    JavaFileObject source = model("Net",
        "@Model @Loss(CROSS_ENTROPY)",
        "public interface Net {",
        "  @Linear(in = 4, out = 3)",
        "  @Softmax",
        "  Layer out();",
        "  @Dropout(p = 0.1f) Layer drop();",
        "}");
    com.google.testing.compile.Compilation compilation = Sources.compile(source);
    com.google.testing.compile.CompilationSubject.assertThat(compilation)
        .hadErrorContaining("[kiln:softmax-before-cross-entropy]").inFile(source).onLineContaining("@Softmax");
  }

  @Test
  void logitsIntoCrossEntropyAreClean() {
    assertClean(net("CROSS_ENTROPY", 3, ""));
  }

  @Test
  void logSoftmaxIntoNllIsClean() {
    assertClean(net("NLL", 3, "@LogSoftmax"));
  }

  @Test
  void tanhBeforeNllIsAnErrorSinceLogProbabilitiesAreNeverPositive() {
    assertError(net("NLL", 3, "@Tanh"),
        "[kiln:not-log-probabilities] @Tanh on out() feeds @Loss(NLL), which expects log-probabilities, and @Tanh"
            + " gives values above 0, which no log-probability is. Use @LogSoftmax", "@Tanh");
  }

  @Test
  void softplusBeforeKlDivIsAnError() {
    assertError(net("value = KL_DIV, reduction = Reduction.BATCHMEAN", 3, "@Softplus"),
        "[kiln:not-log-probabilities] @Softplus on out() feeds @Loss(KL_DIV)", "@Softplus");
  }
}
