package dev.kiln.processor.reading;

import dev.kiln.processor.model.LayerKind;
import dev.kiln.processor.model.Origin;
import dev.kiln.processor.model.PReluLayer;
import dev.kiln.processor.validation.ValidationReport;
import javax.lang.model.element.ExecutableElement;

/** {@code @PReLU}: its initial slope must be a finite number. */
final class PReluReader implements KindReader {
  @Override
  public LayerKind read(Origin origin, ExecutableElement member, ValidationReport report) {
    ActivationOptions.check(origin, member, report);
    return new PReluLayer(origin, (Boolean) origin.value("perFeature").getValue(),
        ((Number) origin.value("init").getValue()).floatValue());
  }
}
