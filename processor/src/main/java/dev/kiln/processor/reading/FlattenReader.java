package dev.kiln.processor.reading;

import dev.kiln.processor.model.FlattenLayer;
import dev.kiln.processor.model.LayerKind;
import dev.kiln.processor.model.Origin;
import dev.kiln.processor.validation.ValidationReport;
import javax.lang.model.element.ExecutableElement;

/** {@code @Flatten}: no options; what it receives is checked where the shape walk reaches it. */
final class FlattenReader implements KindReader {
  @Override
  public LayerKind read(Origin origin, ExecutableElement member, ValidationReport report) {
    return new FlattenLayer(origin);
  }
}
