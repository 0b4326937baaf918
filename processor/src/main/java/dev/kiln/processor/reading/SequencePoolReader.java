package dev.kiln.processor.reading;

import dev.kiln.processor.model.LayerKind;
import dev.kiln.processor.model.Origin;
import dev.kiln.processor.model.SequencePoolLayer;
import dev.kiln.processor.validation.ValidationReport;
import javax.lang.model.element.ExecutableElement;

/** {@code @SequencePool(FIRST | MEAN | MAX)}: the enum admits nothing else. */
final class SequencePoolReader implements KindReader {
  @Override
  public LayerKind read(Origin origin, ExecutableElement member, ValidationReport report) {
    return new SequencePoolLayer(origin, Annotations.enumConstant(origin.value("value")));
  }
}
