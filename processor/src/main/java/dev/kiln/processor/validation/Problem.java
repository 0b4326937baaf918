package dev.kiln.processor.validation;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * One diagnostic, placed as precisely as the source allows: the element, and when known the annotation
 * on it and the annotation's value, so that the IDE underlines exactly what is wrong.
 */
public record Problem(Message message, String text, Element element, AnnotationMirror mirror,
    AnnotationValue value) {

  public static Problem on(Element element, Message message, Object... args) {
    return new Problem(message, message.format(args), element, null, null);
  }

  public static Problem on(Element element, AnnotationMirror mirror, Message message, Object... args) {
    return new Problem(message, message.format(args), element, mirror, null);
  }

  public static Problem on(Element element, AnnotationMirror mirror, AnnotationValue value, Message message,
      Object... args) {
    return new Problem(message, message.format(args), element, mirror, value);
  }

  public boolean isError() {
    return message.kind() == javax.tools.Diagnostic.Kind.ERROR;
  }
}
