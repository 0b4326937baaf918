package dev.kiln.processor.reading;

import static dev.kiln.processor.reading.WindowOptions.bool;
import static dev.kiln.processor.reading.WindowOptions.integer;

import dev.kiln.processor.model.Conv2dLayer;
import dev.kiln.processor.model.LayerKind;
import dev.kiln.processor.model.Origin;
import dev.kiln.processor.validation.ValidationReport;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;

/** {@code @Conv2d}: its sizes are at least 1 and its padding at least 0; what it receives is the shape walk's. */
final class Conv2dReader implements KindReader {
  @Override
  public LayerKind read(Origin origin, ExecutableElement member, ValidationReport report) {
    // in = 0 is the default, meaning inferred.
    WindowOptions.check(origin, member, report, List.of("out", "kernel", "stride", "dilation", "in"), Set.of("in"));
    return new Conv2dLayer(origin,
        origin.written("in").map(v -> (Integer) v.getValue()).filter(n -> n != dev.kiln.dsl.Conv2d.INFERRED),
        integer(origin, "out"), integer(origin, "kernel"), integer(origin, "stride"), integer(origin, "padding"),
        integer(origin, "dilation"), bool(origin, "bias"));
  }
}
