package dev.kiln.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.kiln.processor.model.Network;

/** The statement that computes the loss and writes d(loss)/d(output) into the output layer's gradient. */
final class LossCall {
  private static final String LOSS = "dev.kiln.runtime.loss";

  private LossCall() {}

  static CodeBlock of(Network network) {
    String output = LayerNames.output(network.outputLayer());
    String gradient = LayerNames.gradient(network.outputLayer());
    String comment;
    ClassName type;
    String method;
    switch (network.loss()) {
      case CROSS_ENTROPY -> {
        comment = "softmax and cross-entropy in one pass: the loss and d(logits) = (softmax - onehot) / N";
        type = ClassName.get(LOSS, "CrossEntropy");
        method = "withLogits";
      }
      case NLL -> {
        comment = "negative log-likelihood of the target classes' log-probabilities";
        type = ClassName.get(LOSS, "NegativeLogLikelihood");
        method = "of";
      }
      case BCE -> {
        comment = "binary cross-entropy on probabilities, each log clamped at -100";
        type = ClassName.get(LOSS, "BinaryCrossEntropy");
        method = "ofProbabilities";
      }
      case BCE_WITH_LOGITS -> {
        comment = "sigmoid and binary cross-entropy in one pass: the loss and d(logits) = (sigmoid - y) / N";
        type = ClassName.get(LOSS, "BinaryCrossEntropy");
        method = "withLogits";
      }
      case MSE -> {
        comment = "squared error";
        type = ClassName.get(LOSS, "MeanSquaredError");
        method = "of";
      }
      case L1 -> {
        comment = "absolute error";
        type = ClassName.get(LOSS, "AbsoluteError");
        method = "of";
      }
      default -> throw new IllegalArgumentException("no loss call for " + network.loss());
    }
    return CodeBlock.builder()
        .add("// Loss: $L.\n", comment)
        .addStatement("float loss = $T.$L($L, targets, $L, rows, OUT, $T.$L)", type, method, output, gradient,
            RuntimeTypes.REDUCTION, network.reduction())
        .build();
  }
}
