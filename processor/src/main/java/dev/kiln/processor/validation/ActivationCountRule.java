package dev.kiln.processor.validation;

import dev.kiln.processor.model.DeclaredNetwork;
import dev.kiln.processor.model.LayerKind;
import dev.kiln.processor.model.Member;
import dev.kiln.processor.model.Shapes;
import dev.kiln.processor.model.Stage;
import java.util.List;

/** At most one activation per member; each extra one is reported where it is written. */
final class ActivationCountRule implements Rule {
  @Override
  public void check(DeclaredNetwork network, Shapes shapes, ValidationReport report) {
    for (Member member : network.members()) {
      List<LayerKind> activations = member.at(Stage.ACTIVATION);
      for (int i = 1; i < activations.size(); i++) {
        LayerKind extra = activations.get(i);
        report.add(member.problem(extra.origin().mirror(), null, Message.TWO_ACTIVATIONS,
            extra.annotationName(), activations.get(0).annotationName(), member.name(),
            extra.annotationName(), member.name()));
      }
    }
  }
}
