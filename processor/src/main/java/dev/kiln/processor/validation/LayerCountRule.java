package dev.kiln.processor.validation;

import dev.kiln.processor.model.DeclaredNetwork;
import dev.kiln.processor.model.LayerKind;
import dev.kiln.processor.model.Member;
import dev.kiln.processor.model.Shapes;
import dev.kiln.processor.model.Stage;
import java.util.List;

/** At most one layer per member (beside an activation and dropout); each extra one is reported where it is written. */
final class LayerCountRule implements Rule {
  @Override
  public void check(DeclaredNetwork network, Shapes shapes, ValidationReport report) {
    for (Member member : network.members()) {
      List<LayerKind> layers = member.at(Stage.TRANSFORM);
      for (int i = 1; i < layers.size(); i++) {
        LayerKind extra = layers.get(i);
        report.add(member.problem(extra.origin().mirror(), null, Message.TWO_LAYERS, extra.annotationName(),
            layers.get(0).annotationName(), member.name(), extra.annotationName(), member.name()));
      }
    }
  }
}
