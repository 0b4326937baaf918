package dev.kiln.processor.validation;

import dev.kiln.dsl.LossKind;
import dev.kiln.processor.model.DeclaredLoss;
import dev.kiln.processor.model.DeclaredNetwork;
import dev.kiln.processor.model.LayerKind;
import dev.kiln.processor.model.Member;
import dev.kiln.processor.model.OutputRange;
import dev.kiln.processor.model.Shapes;
import java.util.Optional;

/**
 * The final activation, the last one before the loss, suits the loss. Reported on the activation when
 * there is one, since that is what the user removes or changes; on the loss's kind otherwise.
 */
final class LossPairingRule implements Rule {
  @Override
  public void check(DeclaredNetwork network, Shapes shapes, ValidationReport report) {
    if (network.loss().isEmpty() || network.members().isEmpty()) {
      return;
    }
    DeclaredLoss loss = network.loss().get();
    Optional<Member> owner = FinalActivation.owner(network);
    if (owner.isEmpty()) {
      checkWithoutActivation(network, loss, report);
      return;
    }
    Member member = owner.get();
    LayerKind activation = member.activation().orElseThrow();
    OutputRange range = activation.range();
    String name = member.name();
    LossKind lossKind = loss.kind();
    switch (lossKind) {
      case CROSS_ENTROPY -> {
        switch (range) {
          case DISTRIBUTION -> report.add(on(member, activation, Message.SOFTMAX_BEFORE_CROSS_ENTROPY, name));
          case PROBABILITY -> report.add(on(member, activation, Message.SIGMOID_BEFORE_CLASS_LOSS, name, lossKind,
              "Remove @Sigmoid, since cross-entropy takes logits"));
          case LOG_PROBABILITY -> report.add(on(member, activation, Message.LOG_SOFTMAX_BEFORE_CROSS_ENTROPY, name));
          case NON_NEGATIVE, POSITIVE -> report.add(nonNegative(member, activation, lossKind));
          case SYMMETRIC_UNIT -> report.add(on(member, activation, Message.SQUASHED_LOGITS, name));
          case ANY -> { }
        }
      }
      case NLL -> {
        switch (range) {
          case DISTRIBUTION -> report.add(on(member, activation, Message.SOFTMAX_BEFORE_LOG_PROBABILITY_LOSS, name,
              lossKind));
          case PROBABILITY -> report.add(on(member, activation, Message.SIGMOID_BEFORE_CLASS_LOSS, name, lossKind,
              "Use @LogSoftmax instead of @Sigmoid"));
          case NON_NEGATIVE -> report.add(on(member, activation, Message.NLL_NEEDS_LOG_PROBABILITIES, name,
              "@" + activation.annotationName() + "'s output, which is never negative while log-probabilities are"
                  + " never positive"));
          case LOG_PROBABILITY -> { }
          case ANY, POSITIVE, SYMMETRIC_UNIT -> report.add(notLogProbabilities(member, activation, lossKind));
        }
      }
      case KL_DIV -> {
        switch (range) {
          case DISTRIBUTION -> report.add(on(member, activation, Message.SOFTMAX_BEFORE_LOG_PROBABILITY_LOSS, name,
              lossKind));
          case LOG_PROBABILITY -> { }
          default -> report.add(notLogProbabilities(member, activation, lossKind));
        }
      }
      case BCE -> {
        switch (range) {
          case PROBABILITY -> report.add(on(member, activation, Message.SIGMOID_BEFORE_BCE, name));
          case DISTRIBUTION -> report.add(on(member, activation, Message.SOFTMAX_BEFORE_BINARY_LOSS, name, lossKind));
          default -> report.add(on(member, activation, Message.BCE_NEEDS_PROBABILITIES, name,
              "@" + activation.annotationName() + "'s output, which is not bounded to [0, 1]"));
        }
      }
      case BCE_WITH_LOGITS, FOCAL -> {
        switch (range) {
          case PROBABILITY -> report.add(on(member, activation, Message.SIGMOID_BEFORE_LOGITS_LOSS, name, lossKind));
          case DISTRIBUTION -> report.add(on(member, activation, Message.SOFTMAX_BEFORE_BINARY_LOSS, name, lossKind));
          case NON_NEGATIVE, POSITIVE -> report.add(nonNegative(member, activation, lossKind));
          default -> { }
        }
      }
      default -> { }
    }
  }

  /** The output is a Linear's, without activation. */
  private static void checkWithoutActivation(DeclaredNetwork network, DeclaredLoss loss, ValidationReport report) {
    Member output = network.members().get(network.members().size() - 1);
    if (loss.kind() == LossKind.BCE) {
      report.add(Problem.on(network.type(), loss.mirror(), loss.kindValue(), Message.BCE_NEEDS_PROBABILITIES,
          output.name(), "unbounded values, with no activation after its @Linear"));
    } else if (loss.kind() == LossKind.NLL) {
      report.add(Problem.on(network.type(), loss.mirror(), loss.kindValue(), Message.NLL_NEEDS_LOG_PROBABILITIES,
          output.name(), "raw scores, with no activation after its @Linear"));
    }
  }

  private static Problem notLogProbabilities(Member member, LayerKind activation, LossKind loss) {
    String annotation = activation.annotationName();
    return on(member, activation, Message.NOT_LOG_PROBABILITIES, annotation, member.name(), loss, annotation);
  }

  private static Problem nonNegative(Member member, LayerKind activation, LossKind loss) {
    String annotation = activation.annotationName();
    return on(member, activation, Message.NON_NEGATIVE_LOGITS, annotation, member.name(), loss, annotation);
  }

  private static Problem on(Member member, LayerKind activation, Message message, Object... args) {
    return member.problem(activation.origin().mirror(), null, message, args);
  }
}
