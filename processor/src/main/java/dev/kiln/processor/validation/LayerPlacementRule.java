package dev.kiln.processor.validation;

import dev.kiln.processor.model.DeclaredNetwork;
import dev.kiln.processor.model.LayerKind;
import dev.kiln.processor.model.Member;
import dev.kiln.processor.model.OutputRange;
import dev.kiln.processor.model.Shapes;
import dev.kiln.processor.model.Stage;
import java.util.List;
import java.util.Optional;

/**
 * Where activations and dropout stand: softmax over a single value, softmax on a hidden layer, dropout on
 * the output, dropout just before batch normalization.
 */
final class LayerPlacementRule implements Rule {
  @Override
  public void check(DeclaredNetwork network, Shapes shapes, ValidationReport report) {
    List<Member> members = network.members();
    Optional<Member> finalOwner = FinalActivation.owner(network);
    int lastTransform = -1;
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i).kinds().stream().anyMatch(k -> k.stage() == Stage.TRANSFORM && !k.keepsValues())) {
        lastTransform = i;
      }
    }
    for (int i = 0; i < members.size(); i++) {
      Member member = members.get(i);
      Optional<LayerKind> activation = member.activation();
      if (activation.isPresent() && activation.get().range().normalisesRows()) {
        LayerKind kind = activation.get();
        if (shapes.of(i).outputSize() == 1) {
          report.add(member.problem(kind.origin().mirror(), null, Message.SOFTMAX_OF_ONE,
              kind.annotationName(), member.name(),
              kind.range() == OutputRange.DISTRIBUTION ? "exactly 1.0" : "exactly 0.0"));
        } else if (finalOwner.map(owner -> owner != member).orElse(true)) {
          report.add(member.problem(kind.origin().mirror(), null, Message.SOFTMAX_ON_HIDDEN_LAYER,
              kind.annotationName(), member.name()));
        }
      }
      Optional<LayerKind> dropout = member.first(Stage.DROPOUT);
      if (dropout.isPresent() && i >= lastTransform) {
        report.add(member.problem(dropout.get().origin().mirror(), null, Message.DROPOUT_ON_OUTPUT,
            dropout.get().annotationName(), member.name(), dropout.get().annotationName()));
      }
      Optional<LayerKind> norm = i + 1 < members.size() ? members.get(i + 1).first(Stage.TRANSFORM)
          .filter(LayerKind::normalizesOverTheBatch) : Optional.empty();
      if (dropout.isPresent() && norm.isPresent()) {
        report.add(member.problem(dropout.get().origin().mirror(), null, Message.DROPOUT_BEFORE_BATCH_NORM,
            dropout.get().annotationName(), member.name(), norm.get().annotationName(), members.get(i + 1).name()));
      }
    }
  }
}
