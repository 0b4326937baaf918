package dev.kiln.processor.validation;

import dev.kiln.dsl.LossKind;
import dev.kiln.dsl.Reduction;
import dev.kiln.processor.model.DeclaredLoss;
import dev.kiln.processor.model.DeclaredNetwork;
import dev.kiln.processor.model.Shapes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationValue;

/**
 * The options of {@code @Loss}: each is one its loss takes, within its range, and of the network's
 * width; the loss suits the number of outputs. Reported on the option's value.
 */
final class LossOptionRule implements Rule {
  private static final Map<LossKind, List<String>> TAKES = Map.of(
      LossKind.CROSS_ENTROPY, List.of("weight", "ignoreIndex", "labelSmoothing"),
      LossKind.NLL, List.of("weight", "ignoreIndex"),
      LossKind.BCE, List.of("weight"),
      LossKind.BCE_WITH_LOGITS, List.of("posWeight", "weight"),
      LossKind.MSE, List.of(),
      LossKind.L1, List.of(),
      LossKind.SMOOTH_L1, List.of("beta"),
      LossKind.HUBER, List.of("delta"),
      LossKind.FOCAL, List.of("alpha", "gamma"),
      LossKind.KL_DIV, List.of("logTarget"));
  /** Members of {@code @Loss} that every loss takes. */
  private static final Set<String> GENERAL = Set.of("value", "reduction");

  @Override
  public void check(DeclaredNetwork network, Shapes shapes, ValidationReport report) {
    if (network.loss().isEmpty()) {
      return;
    }
    DeclaredLoss loss = network.loss().get();
    LossKind kind = loss.kind();
    long outputs = shapes.networkOutputs();
    List<String> takes = TAKES.get(kind);
    for (Map.Entry<String, AnnotationValue> option : loss.explicit().entrySet()) {
      String name = option.getKey();
      AnnotationValue value = option.getValue();
      if (GENERAL.contains(name)) {
        continue;
      }
      if (!takes.contains(name)) {
        report.add(at(network, loss, value, Message.OPTION_NOT_TAKEN, kind, name,
            takes.isEmpty() ? "no options" : String.join(", ", takes), name));
        continue;
      }
      checkRange(network, loss, name, value, report);
    }
    if ((kind == LossKind.CROSS_ENTROPY || kind == LossKind.NLL) && outputs == 1) {
      report.add(at(network, loss, loss.kindValue(), Message.CLASS_LOSS_ONE_OUTPUT, kind,
          network.members().get(network.members().size() - 1).name()));
    }
    if (loss.reduction() == Reduction.BATCHMEAN && kind != LossKind.KL_DIV) {
      report.add(at(network, loss, loss.values().get("reduction"), Message.BATCHMEAN_NEEDS_KL_DIV, kind));
    }
    if (kind == LossKind.KL_DIV && loss.reduction() == Reduction.MEAN) {
      report.add(Problem.on(network.type(), loss.mirror(), loss.explicit().getOrDefault("reduction", loss.kindValue()),
          Message.KL_DIV_MEAN));
    }
    if (outputs > 0 && takes.contains("weight") && loss.explicit().containsKey("weight")) {
      int length = ((List<?>) loss.values().get("weight").getValue()).size();
      if (length != outputs) {
        boolean perClass = kind == LossKind.CROSS_ENTROPY || kind == LossKind.NLL;
        report.add(at(network, loss, loss.values().get("weight"), Message.WEIGHT_LENGTH, length, outputs,
            perClass ? "class" : "output"));
      }
    }
    if (outputs > 0 && takes.contains("posWeight") && loss.explicit().containsKey("posWeight")) {
      int length = ((List<?>) loss.values().get("posWeight").getValue()).size();
      if (length != 1 && length != outputs) {
        report.add(at(network, loss, loss.values().get("posWeight"), Message.POS_WEIGHT_LENGTH, length, outputs));
      }
    }
  }

  private static void checkRange(DeclaredNetwork network, DeclaredLoss loss, String name, AnnotationValue value,
      ValidationReport report) {
    String expected = switch (name) {
      case "labelSmoothing" -> inRange(number(value), 0, 1) ? null : "labelSmoothing is in [0, 1]";
      case "beta" -> number(value) >= 0 ? null : "beta is at least 0 (0 makes it L1)";
      case "delta" -> number(value) > 0 ? null : "delta is above 0";
      case "gamma" -> number(value) >= 0 ? null : "gamma is at least 0";
      case "alpha" -> inRange(number(value), 0, 1) || number(value) == -1 ? null : "alpha is in [0, 1], or -1 for none";
      case "weight", "posWeight" -> allFiniteAndNonNegative(value) ? null : name + " values are finite and at least 0";
      default -> null;
    };
    if (expected != null) {
      Object shown = value.getValue() instanceof List ? value : value.getValue(); // arrays as written
      report.add(at(network, loss, value, Message.OPTION_OUT_OF_RANGE, name, shown, expected));
    }
  }

  private static boolean allFiniteAndNonNegative(AnnotationValue array) {
    for (Object item : (List<?>) array.getValue()) {
      double v = number((AnnotationValue) item);
      if (!(v >= 0) || Double.isInfinite(v)) return false;
    }
    return true;
  }

  private static boolean inRange(double value, double min, double max) {
    return value >= min && value <= max;
  }

  private static double number(AnnotationValue value) {
    return ((Number) value.getValue()).doubleValue();
  }

  private static Problem at(DeclaredNetwork network, DeclaredLoss loss, AnnotationValue value, Message message,
      Object... args) {
    return Problem.on(network.type(), loss.mirror(), value, message, args);
  }
}
