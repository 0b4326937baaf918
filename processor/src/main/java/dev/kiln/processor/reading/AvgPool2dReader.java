package dev.kiln.processor.reading;

import static dev.kiln.processor.reading.PoolOptions.bool;
import static dev.kiln.processor.reading.PoolOptions.integer;

import dev.kiln.processor.model.AvgPool2dLayer;
import dev.kiln.processor.model.LayerKind;
import dev.kiln.processor.model.Origin;
import dev.kiln.processor.validation.ValidationReport;
import javax.lang.model.element.ExecutableElement;

/** {@code @AvgPool2d}: its window's sizes; what it receives is the shape walk's. */
final class AvgPool2dReader implements KindReader {
  @Override
  public LayerKind read(Origin origin, ExecutableElement member, ValidationReport report) {
    PoolOptions.check(origin, member, report);
    return new AvgPool2dLayer(origin, integer(origin, "kernel"), integer(origin, "stride"), integer(origin, "padding"),
        bool(origin, "ceilMode"), bool(origin, "countIncludePad"));
  }
}
