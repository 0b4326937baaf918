package dev.kiln.processor.validation;

import dev.kiln.dsl.LossKind;
import dev.kiln.processor.model.ActivationKind;
import dev.kiln.processor.model.DeclaredActivation;
import dev.kiln.processor.model.DeclaredLayer;
import dev.kiln.processor.model.DeclaredLoss;
import dev.kiln.processor.model.DeclaredNetwork;
import java.util.Optional;

/**
 * The final activation, the last one before the loss, suits the loss. Reported on the activation when
 * there is one, since that is what the user removes or changes; on the loss's kind otherwise.
 */
final class LossPairingRule implements Rule {
  @Override
  public void check(DeclaredNetwork network, ValidationReport report) {
    if (network.loss().isEmpty() || network.layers().isEmpty()) {
      return;
    }
    DeclaredLoss loss = network.loss().get();
    Optional<DeclaredLayer> owner = FinalActivation.owner(network);
    if (owner.isEmpty()) {
      checkWithoutActivation(network, loss, report);
      return;
    }
    DeclaredLayer layer = owner.get();
    DeclaredActivation activation = layer.activation().orElseThrow();
    ActivationKind kind = activation.kind();
    String name = layer.name();
    LossKind lossKind = loss.kind();
    switch (lossKind) {
      case CROSS_ENTROPY -> {
        switch (kind) {
          case SOFTMAX -> report.add(on(layer, activation, Message.SOFTMAX_BEFORE_CROSS_ENTROPY, name));
          case SIGMOID -> report.add(on(layer, activation, Message.SIGMOID_BEFORE_CLASS_LOSS, name, lossKind,
              "Remove @Sigmoid, since cross-entropy takes logits"));
          case LOG_SOFTMAX -> report.add(on(layer, activation, Message.LOG_SOFTMAX_BEFORE_CROSS_ENTROPY, name));
          case RELU, SOFTPLUS -> report.add(nonNegative(layer, activation, lossKind));
          case TANH -> report.add(on(layer, activation, Message.SQUASHED_LOGITS, name));
          default -> { }
        }
      }
      case NLL -> {
        switch (kind) {
          case SOFTMAX -> report.add(on(layer, activation, Message.SOFTMAX_BEFORE_LOG_PROBABILITY_LOSS, name, lossKind));
          case SIGMOID -> report.add(on(layer, activation, Message.SIGMOID_BEFORE_CLASS_LOSS, name, lossKind,
              "Use @LogSoftmax instead of @Sigmoid"));
          case RELU -> report.add(on(layer, activation, Message.NLL_NEEDS_LOG_PROBABILITIES, name,
              "@ReLU's output, which is never negative while log-probabilities are never positive"));
          case LOG_SOFTMAX -> { }
          default -> report.add(notLogProbabilities(layer, activation, lossKind));
        }
      }
      case KL_DIV -> {
        switch (kind) {
          case SOFTMAX -> report.add(on(layer, activation, Message.SOFTMAX_BEFORE_LOG_PROBABILITY_LOSS, name, lossKind));
          case LOG_SOFTMAX -> { }
          default -> report.add(notLogProbabilities(layer, activation, lossKind));
        }
      }
      case BCE -> {
        switch (kind) {
          case SIGMOID -> report.add(on(layer, activation, Message.SIGMOID_BEFORE_BCE, name));
          case SOFTMAX -> report.add(on(layer, activation, Message.SOFTMAX_BEFORE_BINARY_LOSS, name, lossKind));
          default -> report.add(on(layer, activation, Message.BCE_NEEDS_PROBABILITIES, name,
              "@" + kind.annotationName() + "'s output, which is not bounded to [0, 1]"));
        }
      }
      case BCE_WITH_LOGITS, FOCAL -> {
        switch (kind) {
          case SIGMOID -> report.add(on(layer, activation, Message.SIGMOID_BEFORE_LOGITS_LOSS, name, lossKind));
          case SOFTMAX -> report.add(on(layer, activation, Message.SOFTMAX_BEFORE_BINARY_LOSS, name, lossKind));
          case RELU, SOFTPLUS -> report.add(nonNegative(layer, activation, lossKind));
          default -> { }
        }
      }
      default -> { }
    }
  }

  /** The output is a Linear's, without activation. */
  private static void checkWithoutActivation(DeclaredNetwork network, DeclaredLoss loss, ValidationReport report) {
    DeclaredLayer output = network.layers().get(network.layers().size() - 1);
    if (loss.kind() == LossKind.BCE) {
      report.add(Problem.on(network.type(), loss.mirror(), loss.kindValue(), Message.BCE_NEEDS_PROBABILITIES,
          output.name(), "unbounded values, with no activation after its @Linear"));
    } else if (loss.kind() == LossKind.NLL) {
      report.add(Problem.on(network.type(), loss.mirror(), loss.kindValue(), Message.NLL_NEEDS_LOG_PROBABILITIES,
          output.name(), "raw scores, with no activation after its @Linear"));
    }
  }

  private static Problem notLogProbabilities(DeclaredLayer layer, DeclaredActivation activation, LossKind loss) {
    String annotation = activation.kind().annotationName();
    return on(layer, activation, Message.NOT_LOG_PROBABILITIES, annotation, layer.name(), loss, annotation);
  }

  private static Problem nonNegative(DeclaredLayer layer, DeclaredActivation activation, LossKind loss) {
    String annotation = activation.kind().annotationName();
    return on(layer, activation, Message.NON_NEGATIVE_LOGITS, annotation, layer.name(), loss, annotation);
  }

  private static Problem on(DeclaredLayer layer, DeclaredActivation activation, Message message, Object... args) {
    return Problem.on(layer.method(), activation.mirror(), message, args);
  }
}
