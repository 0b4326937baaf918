package dev.kiln.processor.reading;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Reads annotations through their mirrors, which keep the source positions that values lose. */
final class Annotations {
  private Annotations() {}

  static String qualifiedName(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
    return element.getAnnotationMirrors().stream()
        .filter(m -> qualifiedName(m).equals(qualifiedName))
        .map(m -> (AnnotationMirror) m)
        .findFirst();
  }

  static List<AnnotationMirror> all(Element element) {
    return element.getAnnotationMirrors().stream().map(m -> (AnnotationMirror) m).collect(Collectors.toList());
  }

  /** The value the user wrote for {@code name}, empty when the default applies. */
  static Optional<AnnotationValue> explicit(AnnotationMirror mirror, String name) {
    return find(mirror.getElementValues(), name);
  }

  /** The value of {@code name}, written or default. */
  static AnnotationValue value(Elements elements, AnnotationMirror mirror, String name) {
    return find(elements.getElementValuesWithDefaults(mirror), name)
        .orElseThrow(() -> new IllegalStateException("@" + qualifiedName(mirror) + " has no member " + name));
  }

  /** Every member's value, written or default, by member name. */
  static Map<String, AnnotationValue> valuesByName(Elements elements, AnnotationMirror mirror) {
    return byName(elements.getElementValuesWithDefaults(mirror));
  }

  /** The members the user wrote, by member name. */
  static Map<String, AnnotationValue> explicitByName(AnnotationMirror mirror) {
    return byName(mirror.getElementValues());
  }

  private static Map<String, AnnotationValue> byName(
      Map<? extends ExecutableElement, ? extends AnnotationValue> values) {
    Map<String, AnnotationValue> byName = new java.util.LinkedHashMap<>();
    values.forEach((member, value) -> byName.put(member.getSimpleName().toString(), value));
    return byName;
  }

  /** The simple name of an enum constant held by an annotation value. */
  static String enumConstant(AnnotationValue value) {
    return ((Element) value.getValue()).getSimpleName().toString();
  }

  private static Optional<AnnotationValue> find(
      Map<? extends ExecutableElement, ? extends AnnotationValue> values, String name) {
    return values.entrySet().stream()
        .filter(e -> e.getKey().getSimpleName().contentEquals(name))
        .map(e -> (AnnotationValue) e.getValue())
        .findFirst();
  }
}
