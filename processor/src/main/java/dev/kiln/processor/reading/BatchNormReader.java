package dev.kiln.processor.reading;

import dev.kiln.processor.model.BatchNormLayer;
import dev.kiln.processor.model.LayerKind;
import dev.kiln.processor.model.Origin;
import dev.kiln.processor.validation.ValidationReport;
import javax.lang.model.element.ExecutableElement;

/**
 * {@code @BatchNorm1d} and {@code @BatchNorm2d}: one reader, told which shape its annotation takes;
 * eps above 0, momentum in [0, 1].
 */
final class BatchNormReader implements KindReader {
  private final boolean maps;

  BatchNormReader(boolean maps) {
    this.maps = maps;
  }

  @Override
  public LayerKind read(Origin origin, ExecutableElement member, ValidationReport report) {
    NormOptions.check(origin, member, report);
    return new BatchNormLayer(origin, maps, NormOptions.floatValue(origin, "eps"),
        NormOptions.floatValue(origin, "momentum"), (Boolean) origin.value("affine").getValue(),
        (Boolean) origin.value("trackRunningStats").getValue());
  }
}
