package dev.kiln.processor.validation;

import dev.kiln.dsl.LossKind;
import dev.kiln.processor.model.ActivationKind;
import dev.kiln.processor.model.DeclaredActivation;
import dev.kiln.processor.model.DeclaredLayer;
import dev.kiln.processor.model.DeclaredLoss;
import dev.kiln.processor.model.DeclaredNetwork;
import java.util.Optional;

/**
 * The final activation, the last one before the loss, suits the loss. Reported on the activation,
 * since that is what the user removes or changes.
 */
final class LossPairingRule implements Rule {
  @Override
  public void check(DeclaredNetwork network, ValidationReport report) {
    Optional<DeclaredLoss> loss = network.loss();
    if (loss.isEmpty() || network.layers().isEmpty()) {
      return;
    }
    Optional<DeclaredLayer> owner = FinalActivation.owner(network);
    if (owner.isEmpty()) {
      return;
    }
    DeclaredLayer output = owner.get();
    Optional<DeclaredActivation> last = output.activation();
    if (last.get().kind() == ActivationKind.SOFTMAX && loss.get().kind() == LossKind.CROSS_ENTROPY) {
      report.add(Problem.on(output.method(), last.get().mirror(), Message.SOFTMAX_BEFORE_CROSS_ENTROPY,
          output.name()));
    }
  }
}
