package dev.kiln.processor.reading;

import dev.kiln.processor.model.Origin;
import dev.kiln.processor.validation.Message;
import dev.kiln.processor.validation.Problem;
import dev.kiln.processor.validation.ValidationReport;
import javax.lang.model.element.ExecutableElement;

/** The float options of activations are finite, and a {@code beta} is above 0, so that generated code can state them. */
final class ActivationOptions {
  private ActivationOptions() {}

  static void check(Origin origin, ExecutableElement member, ValidationReport report) {
    origin.values().forEach((name, value) -> {
      if (!(value.getValue() instanceof Float f)) {
        return;
      }
      String expected = !Float.isFinite(f) ? name + " is a finite number"
          : name.equals("beta") && !(f > 0) ? "beta is above 0"
          : null;
      if (expected != null) {
        report.add(Problem.on(member, origin.mirror(), origin.writtenOrNull(name),
            Message.ACTIVATION_OPTION_OUT_OF_RANGE, origin.annotationName(), name, f, member.getSimpleName(),
            expected));
      }
    });
  }
}
