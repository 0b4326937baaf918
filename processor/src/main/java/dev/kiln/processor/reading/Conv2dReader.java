package dev.kiln.processor.reading;

import dev.kiln.processor.model.Conv2dLayer;
import dev.kiln.processor.model.LayerKind;
import dev.kiln.processor.model.Origin;
import dev.kiln.processor.validation.Message;
import dev.kiln.processor.validation.Problem;
import dev.kiln.processor.validation.ValidationReport;
import java.util.List;
import javax.lang.model.element.ExecutableElement;

/** {@code @Conv2d}: its sizes are at least 1 and its padding at least 0; what it receives is the shape walk's. */
final class Conv2dReader implements KindReader {
  @Override
  public LayerKind read(Origin origin, ExecutableElement member, ValidationReport report) {
    Conv2dLayer conv = new Conv2dLayer(origin,
        origin.written("in").map(v -> (Integer) v.getValue()).filter(n -> n != dev.kiln.dsl.Conv2d.INFERRED),
        integer(origin, "out"), integer(origin, "kernel"), integer(origin, "stride"), integer(origin, "padding"),
        integer(origin, "dilation"), (Boolean) origin.value("bias").getValue());
    for (String size : List.of("out", "kernel", "stride", "dilation", "in")) {
      int value = integer(origin, size);
      // in = 0 is the default, meaning inferred.
      if (size.equals("in") ? value < 0 : value <= 0) {
        report.add(Problem.on(member, origin.mirror(), origin.value(size), Message.WINDOW_SIZE_NOT_POSITIVE,
            origin.annotationName(), size, value, member.getSimpleName(), size));
      }
    }
    if (conv.padding() < 0) {
      report.add(Problem.on(member, origin.mirror(), origin.value("padding"), Message.NEGATIVE_PADDING,
          origin.annotationName(), conv.padding(), member.getSimpleName()));
    }
    return conv;
  }

  private static int integer(Origin origin, String member) {
    return (Integer) origin.value(member).getValue();
  }
}
