package dev.kiln.processor.reading;

import dev.kiln.processor.model.Origin;
import dev.kiln.processor.validation.Message;
import dev.kiln.processor.validation.Problem;
import dev.kiln.processor.validation.ValidationReport;
import javax.lang.model.element.ExecutableElement;

/** The options the sequence kinds share: sizes at least 1, dropout in [0, 1). */
final class SequenceOptions {
  private SequenceOptions() {}

  static void positive(Origin origin, String name, ExecutableElement member, ValidationReport report) {
    int value = (Integer) origin.value(name).getValue();
    if (value < 1) {
      report.add(Problem.on(member, origin.mirror(), origin.value(name), Message.SIZE_NOT_POSITIVE,
          origin.annotationName(), name, value, member.getSimpleName()));
    }
  }

  static float dropout(Origin origin, ExecutableElement member, ValidationReport report) {
    float p = ((Number) origin.value("dropout").getValue()).floatValue();
    if (!(p >= 0f && p < 1f)) {
      report.add(Problem.on(member, origin.mirror(), origin.value("dropout"), Message.SEQUENCE_DROPOUT,
          origin.annotationName(), p, member.getSimpleName()));
    }
    return p;
  }

  static boolean flag(Origin origin, String name) {
    return (Boolean) origin.value(name).getValue();
  }
}
