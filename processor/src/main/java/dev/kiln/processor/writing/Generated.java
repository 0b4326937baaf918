package dev.kiln.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import dev.kiln.processor.model.Network;

/** The {@code @Generated} annotation every generated type carries. */
final class Generated {
  private Generated() {}

  static AnnotationSpec annotation(Network network) {
    return AnnotationSpec.builder(RuntimeTypes.GENERATED)
        .addMember("value", "$S", RuntimeTypes.PROCESSOR)
        .addMember("comments", "$S", "from " + network.type().getQualifiedName())
        .build();
  }
}
