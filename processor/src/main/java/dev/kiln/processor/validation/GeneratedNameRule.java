package dev.kiln.processor.validation;

import dev.kiln.processor.model.DeclaredNetwork;
import dev.kiln.processor.writing.RuntimeTypes;
import java.util.List;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The classes a model generates, {@code <Name>Model} and {@code <Name>Trainer}, are free: no type of
 * the user's has their name, and no other model of this compilation generates them. A type that is
 * Kiln's own output for this model (from an earlier build) is not a clash.
 */
final class GeneratedNameRule implements Rule {
  private final Elements elements;
  private final Types types;
  private final java.util.Set<String> claimed;

  /** @param claimed the generated names other models of this compilation took, shared between models */
  GeneratedNameRule(Elements elements, Types types, java.util.Set<String> claimed) {
    this.elements = elements;
    this.types = types;
    this.claimed = claimed;
  }

  @Override
  public void check(DeclaredNetwork network, dev.kiln.processor.model.Shapes shapes, ValidationReport report) {
    PackageElement pkg = elements.getPackageOf(network.type());
    String prefix = pkg.isUnnamed() ? "" : pkg.getQualifiedName() + ".";
    for (String suffix : List.of("Model", "Trainer")) {
      String name = prefix + network.simpleName() + suffix;
      if (!claimed.add(name)) {
        report.add(Problem.on(network.type(), network.modelMirror(), Message.GENERATED_NAME_CLASH,
            network.simpleName(), name, "another @Model of this compilation"));
        continue;
      }
      TypeElement existing = elements.getTypeElement(name);
      if (existing != null && !isKilnOutput(existing, network, suffix)) {
        report.add(Problem.on(network.type(), network.modelMirror(), Message.GENERATED_NAME_CLASH,
            network.simpleName(), name, "the type " + existing.getQualifiedName()));
      }
    }
  }

  private boolean isKilnOutput(TypeElement existing, DeclaredNetwork network, String suffix) {
    if (suffix.equals("Model")) {
      return implementsType(existing, network.type().asType());
    }
    TypeElement base = elements.getTypeElement(RuntimeTypes.ABSTRACT_TRAINER.canonicalName());
    return base != null && types.isSubtype(existing.asType(), base.asType());
  }

  private boolean implementsType(TypeElement existing, TypeMirror type) {
    return existing.getInterfaces().stream().anyMatch(i -> types.isSameType(types.erasure(i), types.erasure(type)));
  }
}
