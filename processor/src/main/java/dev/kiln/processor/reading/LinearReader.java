package dev.kiln.processor.reading;

import dev.kiln.processor.model.LayerKind;
import dev.kiln.processor.model.LinearLayer;
import dev.kiln.processor.model.Origin;
import dev.kiln.processor.validation.ValidationReport;
import javax.lang.model.element.ExecutableElement;

/** {@code @Linear}: its sizes are checked where the shape walk reaches them, against the layer before. */
final class LinearReader implements KindReader {
  @Override
  public LayerKind read(Origin origin, ExecutableElement member, ValidationReport report) {
    return new LinearLayer(origin, origin.written("in").map(v -> (Integer) v.getValue()),
        (Integer) origin.value("out").getValue(), (Boolean) origin.value("bias").getValue());
  }
}
