package dev.kiln.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/** A {@code @Dropout} as written, its {@code p} kept so that problems can point at it. */
public record DeclaredDropout(AnnotationMirror mirror, AnnotationValue p) {
  public float probability() {
    return ((Number) p.getValue()).floatValue();
  }
}
