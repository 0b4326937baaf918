package dev.kiln.processor.reading;

import static dev.kiln.processor.reading.WindowOptions.bool;
import static dev.kiln.processor.reading.WindowOptions.integer;

import dev.kiln.processor.model.LayerKind;
import dev.kiln.processor.model.MaxPool2dLayer;
import dev.kiln.processor.model.Origin;
import dev.kiln.processor.validation.ValidationReport;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;

/** {@code @MaxPool2d}: its window's sizes; what it receives is the shape walk's. */
final class MaxPool2dReader implements KindReader {
  @Override
  public LayerKind read(Origin origin, ExecutableElement member, ValidationReport report) {
    // stride = 0 is the default, meaning the kernel size.
    WindowOptions.check(origin, member, report, List.of("kernel", "stride", "dilation"), Set.of("stride"));
    return new MaxPool2dLayer(origin, integer(origin, "kernel"), integer(origin, "stride"), integer(origin, "padding"),
        integer(origin, "dilation"), bool(origin, "ceilMode"));
  }
}
