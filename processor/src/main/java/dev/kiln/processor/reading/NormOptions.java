package dev.kiln.processor.reading;

import dev.kiln.processor.model.Origin;
import dev.kiln.processor.validation.Message;
import dev.kiln.processor.validation.Problem;
import dev.kiln.processor.validation.ValidationReport;
import javax.lang.model.element.ExecutableElement;

/** The options the normalizations share: {@code eps} above 0, {@code momentum} in [0, 1]. */
final class NormOptions {
  private NormOptions() {}

  static float floatValue(Origin origin, String name) {
    return ((Number) origin.value(name).getValue()).floatValue();
  }

  static void check(Origin origin, ExecutableElement member, ValidationReport report) {
    origin.values().forEach((name, value) -> {
      if (!(value.getValue() instanceof Float f)) {
        return;
      }
      String expected = name.equals("eps") && !(f > 0 && Float.isFinite(f)) ? "eps is a finite number above 0"
          : name.equals("momentum") && !(f >= 0 && f <= 1) ? "momentum is in [0, 1]"
          : null;
      if (expected != null) {
        report.add(Problem.on(member, origin.mirror(), origin.writtenOrNull(name), Message.NORM_OPTION_OUT_OF_RANGE,
            origin.annotationName(), name, f, member.getSimpleName(), expected));
      }
    });
  }
}
