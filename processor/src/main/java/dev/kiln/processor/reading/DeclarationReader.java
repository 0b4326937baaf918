package dev.kiln.processor.reading;

import dev.kiln.dsl.LossKind;
import dev.kiln.dsl.Reduction;
import dev.kiln.processor.model.DeclaredInput;
import dev.kiln.processor.model.DeclaredLoss;
import dev.kiln.processor.model.DeclaredNetwork;
import dev.kiln.processor.model.LayerKind;
import dev.kiln.processor.model.Member;
import dev.kiln.processor.model.Origin;
import dev.kiln.processor.model.Shape;
import dev.kiln.processor.validation.Message;
import dev.kiln.processor.writing.RuntimeTypes;
import dev.kiln.processor.validation.Problem;
import dev.kiln.processor.validation.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads a {@code @Model} type into a {@link DeclaredNetwork}. Problems with the declaration's form
 * (not an interface, a method that is not a layer) go to the report; everything readable is read, so
 * that validation can report the rest in the same compile.
 */
public final class DeclarationReader {
  static final String MODEL = "dev.kiln.dsl.Model";
  static final String LOSS = "dev.kiln.dsl.Loss";
  static final String INPUT = "dev.kiln.dsl.Input";
  static final String BLOCK = "dev.kiln.dsl.Block";

  private final Elements elements;
  private final Types types;

  public DeclarationReader(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** The network, or empty when the type cannot be read as one; either way problems are in {@code report}. */
  public Optional<DeclaredNetwork> read(TypeElement type, ValidationReport report) {
    AnnotationMirror modelMirror = Annotations.find(type, MODEL).orElseThrow();
    if (type.getKind() != ElementKind.INTERFACE) {
      report.add(Problem.on(type, modelMirror, Message.MODEL_NOT_INTERFACE, type.getSimpleName(),
          describe(type.getKind()), type.getSimpleName()));
      return Optional.empty();
    }
    if (!type.getTypeParameters().isEmpty()) {
      report.add(Problem.on(type, modelMirror, Message.MODEL_GENERIC, type.getSimpleName()));
    }
    TypeElement layerType = elements.getTypeElement(RuntimeTypes.LAYER.canonicalName());
    if (layerType == null) {
      report.add(Problem.on(type, modelMirror, Message.RUNTIME_MISSING));
      return Optional.empty();
    }
    List<Member> members = new ArrayList<>();
    for (ExecutableElement method : layerMethods(type)) {
      readMember(method, "", method, List.of(type), layerType.asType(), report, members);
    }
    return Optional.of(new DeclaredNetwork(type, modelMirror, readInput(type, report), members, readLoss(type),
        Annotations.find(type, LOSS).isPresent()));
  }

  /** The abstract methods of a model or block: default and static methods are the user's own helpers. */
  private static List<ExecutableElement> layerMethods(TypeElement type) {
    List<ExecutableElement> methods = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (method.getModifiers().contains(Modifier.ABSTRACT)) methods.add(method);
    }
    return methods;
  }

  /**
   * Reads {@code method} into {@code members}: one member, or, where it returns a {@code @Block}, the
   * block's members in order, named {@code path} + the method's name + {@code .} + theirs.
   *
   * @param anchor the method of the model that the member is, or that uses the block it is in
   * @param enclosing the model and the blocks {@code method} is inside, outermost first
   */
  private void readMember(ExecutableElement method, String path, ExecutableElement anchor,
      List<TypeElement> enclosing, TypeMirror layerType, ValidationReport report, List<Member> members) {
    String name = path + method.getSimpleName();
    Optional<TypeElement> block = blockType(method.getReturnType());
    boolean wellFormed = true;
    if (block.isEmpty() && !types.isSameType(method.getReturnType(), layerType)) {
      report.add(Problem.on(method, Message.LAYER_RETURN_TYPE, method.getSimpleName(), method.getReturnType()));
      wellFormed = false;
    }
    if (!method.getParameters().isEmpty()) {
      report.add(Problem.on(method, Message.LAYER_PARAMETERS, method.getSimpleName()));
      wellFormed = false;
    }
    List<LayerKind> kinds = new ArrayList<>();
    for (AnnotationMirror mirror : Annotations.all(method)) {
      KindReaders.forAnnotation(Annotations.qualifiedName(mirror)).ifPresent(reader -> kinds.add(reader.read(
          new Origin(mirror, Annotations.explicitByName(mirror), Annotations.valuesByName(elements, mirror)),
          method, report)));
    }
    Optional<AnnotationMirror> residual = ResidualReader.find(method);
    if (block.isPresent()) {
      int before = members.size();
      if (wellFormed) readBlock(method, block.get(), name, anchor, enclosing, layerType, report, members);
      if (residual.isPresent() && members.size() > before) {
        members.add(ResidualReader.join(elements, residual.get(), method, kinds, members.size() - before, name,
            anchor));
      } else if (!kinds.isEmpty()) {
        // The member's own activation and dropout act on the block's output.
        members.add(new Member(method, kinds, name, anchor));
      }
      return;
    }
    if (residual.isPresent()) {
      ResidualReader.reportNotOnBlock(residual.get(), method, report);
    }
    if (kinds.isEmpty()) {
      if (residual.isEmpty()) report.add(Problem.on(method, Message.LAYER_WITHOUT_ANNOTATION, method.getSimpleName()));
      wellFormed = false;
    }
    if (wellFormed) members.add(new Member(method, kinds, name, anchor));
  }

  /** The {@code @Block} interface a method returns, if it returns one. */
  private static Optional<TypeElement> blockType(TypeMirror type) {
    if (!(type instanceof DeclaredType declared) || !(declared.asElement() instanceof TypeElement element)) {
      return Optional.empty();
    }
    return Annotations.find(element, BLOCK).isPresent() ? Optional.of(element) : Optional.empty();
  }

  private void readBlock(ExecutableElement method, TypeElement block, String name, ExecutableElement anchor,
      List<TypeElement> enclosing, TypeMirror layerType, ValidationReport report, List<Member> members) {
    AnnotationMirror blockMirror = Annotations.find(block, BLOCK).orElseThrow();
    if (block.getKind() != ElementKind.INTERFACE) {
      report.add(Problem.on(block, blockMirror, Message.BLOCK_NOT_INTERFACE, block.getSimpleName(),
          describe(block.getKind()), block.getSimpleName()));
      return;
    }
    if (!block.getTypeParameters().isEmpty()) {
      report.add(Problem.on(block, blockMirror, Message.BLOCK_GENERIC, block.getSimpleName()));
    }
    Annotations.find(block, LOSS).ifPresent(mirror -> report.add(Problem.on(block, mirror, Message.BLOCK_WITH_LOSS,
        block.getSimpleName(), block.getSimpleName())));
    Annotations.find(block, INPUT).ifPresent(mirror -> report.add(Problem.on(block, mirror, Message.BLOCK_WITH_INPUT,
        block.getSimpleName())));
    if (enclosing.contains(block)) {
      report.add(Problem.on(method, Message.BLOCK_CONTAINS_ITSELF, method.getSimpleName(), block.getSimpleName(),
          block.getSimpleName()));
      return;
    }
    List<ExecutableElement> inner = layerMethods(block);
    if (inner.isEmpty()) {
      report.add(Problem.on(anchor, Message.BLOCK_NO_LAYERS, block.getSimpleName(), name));
      return;
    }
    List<TypeElement> deeper = new ArrayList<>(enclosing);
    deeper.add(block);
    for (ExecutableElement member : inner) {
      readMember(member, name + ".", anchor, deeper, layerType, report, members);
    }
  }

  /** The model's {@code @Input}, with its sizes checked: one form, each size at least 1. */
  private Optional<DeclaredInput> readInput(TypeElement type, ValidationReport report) {
    return Annotations.find(type, INPUT).map(mirror -> {
      Origin origin = new Origin(mirror, Annotations.explicitByName(mirror), Annotations.valuesByName(elements, mirror));
      boolean features = origin.written("features").isPresent();
      boolean maps = MAP_SIZES.stream().anyMatch(size -> origin.written(size).isPresent());
      boolean tokens = TOKEN_SIZES.stream().anyMatch(size -> origin.written(size).isPresent());
      boolean sequence = origin.written("length").isPresent();
      if (features && maps && !tokens && !sequence) {
        report.add(Problem.on(type, mirror, Message.INPUT_BOTH_FORMS));
        return new DeclaredInput(origin, Optional.empty());
      }
      if (tokens && (features || maps || sequence)) {
        report.add(Problem.on(type, mirror, Message.INPUT_MIXED_FORMS, "tokens",
            sequence ? "length" : features ? "features" : "channels, height, width"));
        return new DeclaredInput(origin, Optional.empty());
      }
      if (sequence && maps) {
        report.add(Problem.on(type, mirror, Message.INPUT_MIXED_FORMS, "sequence", "channels, height, width"));
        return new DeclaredInput(origin, Optional.empty());
      }
      if (!features && !maps && !tokens && !sequence) {
        report.add(Problem.on(type, mirror, Message.INPUT_WITHOUT_SIZE));
        return new DeclaredInput(origin, Optional.empty());
      }
      List<String> sizes = tokens ? TOKEN_SIZES : sequence ? SEQUENCE_SIZES : features ? List.of("features")
          : MAP_SIZES;
      for (String size : sizes) {
        if ((tokens || sequence) && origin.written(size).isEmpty()) {
          String others = String.join(" = ..., ", sizes) + " = ...";
          report.add(Problem.on(type, mirror, Message.INPUT_INCOMPLETE, sizes.get(0).equals(size) ? sizes.get(1)
              : sizes.get(0), size, others));
          return new DeclaredInput(origin, Optional.empty());
        }
      }
      boolean sound = true;
      for (String size : sizes) {
        int value = (Integer) origin.value(size).getValue();
        if (value <= 0) {
          report.add(Problem.on(type, mirror, origin.writtenOrNull(size), Message.INPUT_SIZE_NOT_POSITIVE, size, value));
          sound = false;
        }
      }
      if (!sound) {
        return new DeclaredInput(origin, Optional.empty());
      }
      Shape shape = tokens ? new Shape.Tokens(size(origin, "tokens"), size(origin, "vocabulary"))
          : sequence ? new Shape.Sequence(size(origin, "length"), size(origin, "features"), false)
          : features ? Shape.features(size(origin, "features"))
          : new Shape.Maps(size(origin, "channels"), size(origin, "height"), size(origin, "width"));
      return new DeclaredInput(origin, Optional.of(shape));
    });
  }

  private static final List<String> MAP_SIZES = List.of("channels", "height", "width");
  private static final List<String> TOKEN_SIZES = List.of("tokens", "vocabulary");
  private static final List<String> SEQUENCE_SIZES = List.of("length", "features");

  private static long size(Origin origin, String member) {
    return (Integer) origin.value(member).getValue();
  }

  private Optional<DeclaredLoss> readLoss(TypeElement type) {
    return Annotations.find(type, LOSS).flatMap(mirror -> {
      Map<String, AnnotationValue> values = Annotations.valuesByName(elements, mirror);
      AnnotationValue kind = values.get("value");
      if (kind == null || !(kind.getValue() instanceof Element)) {
        return Optional.empty(); // javac reports the missing or broken value itself
      }
      return Optional.of(new DeclaredLoss(mirror, LossKind.valueOf(Annotations.enumConstant(values.get("value"))),
          Reduction.valueOf(Annotations.enumConstant(values.get("reduction"))), Annotations.explicitByName(mirror),
          values));
    });
  }

  private static String describe(ElementKind kind) {
    return switch (kind) {
      case CLASS -> "a class";
      case ENUM -> "an enum";
      case ANNOTATION_TYPE -> "an annotation type";
      case RECORD -> "a record";
      default -> kind.name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
