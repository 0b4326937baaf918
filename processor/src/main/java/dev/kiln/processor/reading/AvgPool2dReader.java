package dev.kiln.processor.reading;

import static dev.kiln.processor.reading.WindowOptions.bool;
import static dev.kiln.processor.reading.WindowOptions.integer;

import dev.kiln.processor.model.AvgPool2dLayer;
import dev.kiln.processor.model.LayerKind;
import dev.kiln.processor.model.Origin;
import dev.kiln.processor.validation.ValidationReport;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;

/** {@code @AvgPool2d}: its window's sizes; what it receives is the shape walk's. */
final class AvgPool2dReader implements KindReader {
  @Override
  public LayerKind read(Origin origin, ExecutableElement member, ValidationReport report) {
    // stride = 0 is the default, meaning the kernel size.
    WindowOptions.check(origin, member, report, List.of("kernel", "stride"), Set.of("stride"));
    return new AvgPool2dLayer(origin, integer(origin, "kernel"), integer(origin, "stride"), integer(origin, "padding"),
        bool(origin, "ceilMode"), bool(origin, "countIncludePad"));
  }
}
