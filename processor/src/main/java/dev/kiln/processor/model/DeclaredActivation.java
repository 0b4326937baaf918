package dev.kiln.processor.model;

import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/** An activation annotation as written on a layer method, with its options (given or default) by name. */
public record DeclaredActivation(ActivationKind kind, AnnotationMirror mirror, Map<String, AnnotationValue> values) {
  public DeclaredActivation {
    values = Map.copyOf(values);
  }
}
