package dev.kiln.processor.validation;

import dev.kiln.processor.model.DeclaredActivation;
import dev.kiln.processor.model.DeclaredLayer;
import dev.kiln.processor.model.DeclaredNetwork;
import java.util.List;

/** At most one activation per member; each extra one is reported where it is written. */
final class ActivationCountRule implements Rule {
  @Override
  public void check(DeclaredNetwork network, ValidationReport report) {
    for (DeclaredLayer layer : network.layers()) {
      List<DeclaredActivation> activations = layer.activations();
      for (int i = 1; i < activations.size(); i++) {
        DeclaredActivation extra = activations.get(i);
        report.add(Problem.on(layer.method(), extra.mirror(), Message.TWO_ACTIVATIONS,
            extra.kind().annotationName(), activations.get(0).kind().annotationName(), layer.name(),
            extra.kind().annotationName(), layer.name()));
      }
    }
  }
}
