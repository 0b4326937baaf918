package dev.kiln.processor.reading;

import dev.kiln.processor.model.Origin;
import dev.kiln.processor.validation.Message;
import dev.kiln.processor.validation.Problem;
import dev.kiln.processor.validation.ValidationReport;
import java.util.List;
import javax.lang.model.element.ExecutableElement;

/** The options both pools share: a kernel, a stride (0: the kernel) and a dilation of at least 1, padding of at least 0. */
final class PoolOptions {
  private PoolOptions() {}

  static int integer(Origin origin, String member) {
    return (Integer) origin.value(member).getValue();
  }

  static boolean bool(Origin origin, String member) {
    return (Boolean) origin.value(member).getValue();
  }

  static void check(Origin origin, ExecutableElement member, ValidationReport report) {
    for (String size : List.of("kernel", "stride", "dilation")) {
      if (!origin.values().containsKey(size)) continue;
      int value = integer(origin, size);
      // stride = 0 is the default, meaning the kernel size.
      if (size.equals("stride") ? value < 0 : value <= 0) {
        report.add(Problem.on(member, origin.mirror(), origin.value(size), Message.WINDOW_SIZE_NOT_POSITIVE,
            origin.annotationName(), size, value, member.getSimpleName(), size));
      }
    }
    int padding = integer(origin, "padding");
    if (padding < 0) {
      report.add(Problem.on(member, origin.mirror(), origin.value("padding"), Message.NEGATIVE_PADDING,
          origin.annotationName(), padding, member.getSimpleName()));
    }
  }
}
