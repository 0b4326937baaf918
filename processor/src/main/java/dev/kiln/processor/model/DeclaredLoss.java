package dev.kiln.processor.model;

import dev.kiln.dsl.LossKind;
import dev.kiln.dsl.Reduction;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/**
 * The {@code @Loss} on a model. {@code explicit} holds the members the user wrote, {@code values} every
 * member with its default: validation needs the first, code generation the second.
 */
public record DeclaredLoss(AnnotationMirror mirror, LossKind kind, Reduction reduction,
    Map<String, AnnotationValue> explicit, Map<String, AnnotationValue> values) {

  public DeclaredLoss {
    explicit = Map.copyOf(explicit);
    values = Map.copyOf(values);
  }

  public AnnotationValue kindValue() {
    return values.get("value");
  }
}
