package dev.kiln.processor.model;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;

/**
 * One layer method as declared: its kinds in the order they act (transform, activation, dropout),
 * whatever order their annotations are written in. Everything a rule or a writer needs of a member is
 * asked of its kinds; nothing here names a kind.
 */
public record Member(ExecutableElement method, List<LayerKind> kinds) {
  public Member {
    kinds = kinds.stream().sorted(Comparator.comparing(LayerKind::stage)).collect(Collectors.toUnmodifiableList());
  }

  public String name() {
    return method.getSimpleName().toString();
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
    return constantPrefix(name());
  }

  public static String constantPrefix(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }
}
