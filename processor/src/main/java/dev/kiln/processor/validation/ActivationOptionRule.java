package dev.kiln.processor.validation;

import dev.kiln.processor.model.DeclaredActivation;
import dev.kiln.processor.model.DeclaredLayer;
import dev.kiln.processor.model.DeclaredNetwork;
import javax.lang.model.element.AnnotationValue;

/** The options of activations are finite numbers within their ranges, so that generated code can state them. */
final class ActivationOptionRule implements Rule {
  @Override
  public void check(DeclaredNetwork network, ValidationReport report) {
    for (DeclaredLayer layer : network.layers()) {
      for (DeclaredActivation activation : layer.activations()) {
        activation.values().forEach((name, value) -> {
          if (!(value.getValue() instanceof Float f)) {
            return;
          }
          String expected = !Float.isFinite(f) ? name + " is a finite number"
              : name.equals("beta") && !(f > 0) ? "beta is above 0"
              : null;
          if (expected != null) {
            report.add(Problem.on(layer.method(), activation.mirror(), at(activation, name, value),
                Message.ACTIVATION_OPTION_OUT_OF_RANGE, activation.kind().annotationName(), name, f, layer.name(),
                expected));
          }
        });
      }
    }
  }

  /** The value as written, or none to point at when the default applies. */
  private static AnnotationValue at(DeclaredActivation activation, String name, AnnotationValue value) {
    return activation.mirror().getElementValues().values().contains(value) ? value : null;
  }
}
