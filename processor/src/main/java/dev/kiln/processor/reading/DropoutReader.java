package dev.kiln.processor.reading;

import dev.kiln.processor.model.DropoutLayer;
import dev.kiln.processor.model.LayerKind;
import dev.kiln.processor.model.Origin;
import dev.kiln.processor.validation.Message;
import dev.kiln.processor.validation.Problem;
import dev.kiln.processor.validation.ValidationReport;
import javax.lang.model.element.ExecutableElement;

/** {@code @Dropout(p)}: p is a probability of dropping, in [0, 1). */
final class DropoutReader implements KindReader {
  @Override
  public LayerKind read(Origin origin, ExecutableElement member, ValidationReport report) {
    float p = ((Number) origin.value("p").getValue()).floatValue();
    if (!(p >= 0f && p < 1f)) {
      report.add(Problem.on(member, origin.mirror(), origin.value("p"), Message.DROPOUT_PROBABILITY,
          origin.annotationName(), p, member.getSimpleName()));
    }
    return new DropoutLayer(origin, p);
  }
}
