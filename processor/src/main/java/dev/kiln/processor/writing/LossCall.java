package dev.kiln.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.kiln.dsl.LossKind;
import dev.kiln.processor.model.LossSpec;
import dev.kiln.processor.model.Network;

/** The trainer's loss: a constant configured as declared, and the comment that says what it fuses. */
final class LossCall {
  private LossCall() {}

  static ClassName type(Network network) {
    return ClassName.get(RuntimeTypes.LOSSES, switch (network.loss()) {
      case CROSS_ENTROPY -> "CrossEntropy";
      case NLL -> "NegativeLogLikelihood";
      case BCE -> "BinaryCrossEntropy";
      case BCE_WITH_LOGITS -> "BinaryCrossEntropyWithLogits";
      case MSE -> "MeanSquaredError";
      case L1 -> "AbsoluteError";
      case SMOOTH_L1 -> "SmoothL1";
      case HUBER -> "Huber";
      case FOCAL -> "SigmoidFocal";
      case KL_DIV -> "KlDivergence";
    });
  }

  /** {@code CrossEntropy.of(Reduction.MEAN).labelSmoothing(0.1f)}: the options the user gave, no others. */
  static CodeBlock initializer(Network network) {
    LossSpec spec = network.lossSpec();
    CodeBlock.Builder code = CodeBlock.builder()
        .add("$T.of($Z$T.$L)", type(network), RuntimeTypes.REDUCTION, spec.reduction());
    if (spec.isGiven("weight")) code.add("$Z.weight($L)", Literals.of(spec.weight()));
    if (spec.isGiven("ignoreIndex")) code.add("$Z.ignoreIndex($L)", spec.ignoreIndex());
    if (spec.isGiven("labelSmoothing")) code.add("$Z.labelSmoothing($L)", Literals.of(spec.labelSmoothing()));
    if (spec.isGiven("posWeight")) code.add("$Z.posWeight($L)", Literals.of(spec.posWeight()));
    if (spec.isGiven("beta")) code.add("$Z.beta($L)", Literals.of(spec.beta()));
    if (spec.isGiven("delta")) code.add("$Z.delta($L)", Literals.of(spec.delta()));
    if (spec.isGiven("alpha")) code.add("$Z.alpha($L)", Literals.of(spec.alpha()));
    if (spec.isGiven("gamma")) code.add("$Z.gamma($L)", Literals.of(spec.gamma()));
    if (spec.isGiven("logTarget")) code.add("$Z.logTarget($L)", spec.logTarget());
    return code.build();
  }

  static String comment(LossKind loss) {
    return switch (loss) {
      case CROSS_ENTROPY -> "log-softmax and cross-entropy in one pass: the loss and d(logits), (softmax - target) / N";
      case NLL -> "negative log-likelihood of the target classes' log-probabilities";
      case BCE -> "binary cross-entropy on probabilities, each log clamped at -100";
      case BCE_WITH_LOGITS -> "sigmoid and binary cross-entropy in one pass: the loss and d(logits), (sigmoid - y) / N";
      case MSE -> "squared error";
      case L1 -> "absolute error";
      case SMOOTH_L1 -> "smooth L1 error";
      case HUBER -> "Huber error";
      case FOCAL -> "sigmoid focal loss on logits, in one pass";
      case KL_DIV -> "KL divergence of the targets from the log-probabilities";
    };
  }
}
