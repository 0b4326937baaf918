package dev.kiln.processor.reading;

import dev.kiln.processor.model.ActivationFunction;
import dev.kiln.processor.model.ActivationLayer;
import dev.kiln.processor.model.LayerKind;
import dev.kiln.processor.model.Origin;
import dev.kiln.processor.validation.ValidationReport;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/** An activation without parameters: its options as plain values, each checked to be one generated code can state. */
final class ActivationReader implements KindReader {
  private final ActivationFunction function;

  ActivationReader(ActivationFunction function) {
    this.function = function;
  }

  @Override
  public LayerKind read(Origin origin, ExecutableElement member, ValidationReport report) {
    ActivationOptions.check(origin, member, report);
    Map<String, Object> options = new LinkedHashMap<>();
    origin.values().forEach((name, value) -> {
      Object v = value.getValue();
      options.put(name, v instanceof Element e ? e.getSimpleName().toString() : v);
    });
    return new ActivationLayer(origin, function, options);
  }
}
