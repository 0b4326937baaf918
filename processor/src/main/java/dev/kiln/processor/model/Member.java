package dev.kiln.processor.model;

import dev.kiln.processor.validation.Message;
import dev.kiln.processor.validation.Problem;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;

/**
 * One layer method as declared: its kinds in the order they act (transform, activation, dropout),
 * whatever order their annotations are written in. Everything a rule or a writer needs of a member is
 * asked of its kinds; nothing here names a kind.
 */
public record Member(ExecutableElement method, List<LayerKind> kinds, String path, ExecutableElement anchor) {
  public Member {
    kinds = kinds.stream().sorted(Comparator.comparing(LayerKind::stage)).collect(Collectors.toUnmodifiableList());
  }

  /** A member the model declares itself. */
  public Member(ExecutableElement method, List<LayerKind> kinds) {
    this(method, kinds, method.getSimpleName().toString(), method);
  }

  /**
   * Its name as PyTorch would name the module: {@code hidden}, or inside blocks the path from the model,
   * {@code block1.conv1}. State-dict names start with it; messages name the member by it.
   */
  public String name() {
    return path;
  }

  /** Its name in generated code: the path in camel case, {@code block1Conv1}. */
  public String identifier() {
    return identifier(path);
  }

  /** A path's name in generated code: {@code block1.conv1} gives {@code block1Conv1}. */
  public static String identifier(String path) {
    StringBuilder identifier = new StringBuilder();
    for (String part : path.split("\\.")) {
      identifier.append(identifier.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    return identifier.toString();
  }

  /** Whether a block declares it, rather than the model. */
  public boolean inBlock() {
    return anchor != method;
  }

  /**
   * A problem with this member: on its annotation where the model declares it; inside a block, whose
   * sizes depend on where it is used, on the member of the model that uses the block.
   */
  public Problem problem(AnnotationMirror mirror, AnnotationValue value, Message message, Object... args) {
    return inBlock() ? Problem.on(anchor, message, args) : Problem.on(method, mirror, value, message, args);
  }

  public List<LayerKind> at(Stage stage) {
    return kinds.stream().filter(k -> k.stage() == stage).collect(Collectors.toUnmodifiableList());
  }

  /** The kind of {@code stage} that acts, if any: the first one (rules report the others). */
  public Optional<LayerKind> first(Stage stage) {
    return kinds.stream().filter(k -> k.stage() == stage).findFirst();
  }

  /** The activation applied by this member, if any. */
  public Optional<LayerKind> activation() {
    return first(Stage.ACTIVATION);
  }

  public boolean has(Stage stage) {
    return first(stage).isPresent();
  }

  /** The kinds that act: the first of each stage. */
  public List<LayerKind> acting() {
    return kinds.stream().filter(k -> first(k.stage()).orElseThrow() == k).collect(Collectors.toUnmodifiableList());
  }

  /** The prefix of the member's constants in generated code: {@code hiddenLayer} gives {@code HIDDEN_LAYER}. */
  public String constantPrefix() {
    return constantPrefix(identifier());
  }

  public static String constantPrefix(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }
}
