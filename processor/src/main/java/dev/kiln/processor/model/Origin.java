package dev.kiln.processor.model;

import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;

/**
 * Where a kind was written: its annotation and the values in it, kept so that every problem can point
 * at the annotation, or at the very value, that causes it.
 *
 * @param written the members the user wrote, by name
 * @param values every member, written or default, by name
 */
public record Origin(AnnotationMirror mirror, Map<String, AnnotationValue> written,
    Map<String, AnnotationValue> values) {

  public Origin {
    written = Map.copyOf(written);
    values = Map.copyOf(values);
  }

  /** The annotation's simple name, as the user writes it: {@code Linear} for {@code @Linear}. */
  public String annotationName() {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getSimpleName().toString();
  }

  /** The value the user wrote for {@code member}; empty when the default applies. */
  public Optional<AnnotationValue> written(String member) {
    return Optional.ofNullable(written.get(member));
  }

  /** The value of {@code member}, written or default. */
  public AnnotationValue value(String member) {
    AnnotationValue value = values.get(member);
    if (value == null) {
      throw new IllegalStateException("@" + annotationName() + " has no member " + member);
    }
    return value;
  }

  /** The value of {@code member} as written, or null to point at the annotation when the default applies. */
  public AnnotationValue writtenOrNull(String member) {
    return written.get(member);
  }
}
