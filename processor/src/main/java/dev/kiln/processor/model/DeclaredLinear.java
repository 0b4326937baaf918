package dev.kiln.processor.model;

import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/**
 * A {@code @Linear} as written: {@code in} is empty when the user left it to be inferred. The
 * annotation values are kept so that problems can point at them.
 */
public record DeclaredLinear(AnnotationMirror mirror, Optional<AnnotationValue> in, AnnotationValue out,
    boolean bias) {

  public Optional<Integer> inSize() {
    return in.map(v -> (Integer) v.getValue());
  }

  public int outSize() {
    return (Integer) out.getValue();
  }
}
