package dev.kiln.processor.reading;

import dev.kiln.processor.model.Origin;
import dev.kiln.processor.validation.Message;
import dev.kiln.processor.validation.Problem;
import dev.kiln.processor.validation.ValidationReport;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;

/**
 * The options of every kind that slides a window over feature maps (convolution, both pools): sizes of
 * at least 1, where 0 may stand for a default, and padding of at least 0.
 */
final class WindowOptions {
  private WindowOptions() {}

  static int integer(Origin origin, String member) {
    return (Integer) origin.value(member).getValue();
  }

  static boolean bool(Origin origin, String member) {
    return (Boolean) origin.value(member).getValue();
  }

  /**
   * Reports each of {@code sizes} below 1 on its value (below 0 for those in {@code zeroMeansDefault}),
   * and a negative padding.
   */
  static void check(Origin origin, ExecutableElement member, ValidationReport report, List<String> sizes,
      Set<String> zeroMeansDefault) {
    for (String size : sizes) {
      int value = integer(origin, size);
      if (zeroMeansDefault.contains(size) ? value < 0 : value <= 0) {
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
