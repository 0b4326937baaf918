package dev.kiln.processor.reading;

import dev.kiln.processor.model.LayerKind;
import dev.kiln.processor.model.LayerNormLayer;
import dev.kiln.processor.model.Origin;
import dev.kiln.processor.validation.ValidationReport;
import javax.lang.model.element.ExecutableElement;

/** {@code @LayerNorm}: eps above 0. */
final class LayerNormReader implements KindReader {
  @Override
  public LayerKind read(Origin origin, ExecutableElement member, ValidationReport report) {
    NormOptions.check(origin, member, report);
    return new LayerNormLayer(origin, NormOptions.floatValue(origin, "eps"),
        (Boolean) origin.value("elementwiseAffine").getValue());
  }
}
