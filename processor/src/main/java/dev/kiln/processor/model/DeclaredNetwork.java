package dev.kiln.processor.model;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/** A {@code @Model} interface as written: what validation checks and resolution turns into a {@link Network}. */
public record DeclaredNetwork(TypeElement type, AnnotationMirror modelMirror, Optional<DeclaredInput> input,
    List<Member> members, Optional<DeclaredLoss> loss, boolean hasLossAnnotation) {

  public DeclaredNetwork {
    members = List.copyOf(members);
  }

  public String simpleName() {
    return type.getSimpleName().toString();
  }
}
