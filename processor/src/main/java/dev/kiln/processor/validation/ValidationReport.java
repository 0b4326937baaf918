package dev.kiln.processor.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;

/** The problems found in one model, collected so that all of them are reported in one compile. */
public final class ValidationReport {
  private static final String PREFIX = "kiln:";
  private final List<Problem> problems = new ArrayList<>();

  /** Adds a problem once: a block used twice is read twice, and its own problems are the same each time. */
  public void add(Problem problem) {
    if (!problems.contains(problem)) problems.add(problem);
  }

  public List<Problem> problems() {
    return List.copyOf(problems);
  }

  public boolean isClean() {
    return problems.stream().noneMatch(Problem::isError);
  }

  /**
   * Sends every problem to the messager, at its element, annotation and value. A warning is left out
   * when the model says {@code @SuppressWarnings("kiln:<tag>")}; errors cannot be suppressed.
   */
  public void printTo(Messager messager, Element model) {
    Set<String> suppressed = suppressed(model);
    for (Problem p : problems) {
      if (!p.isError() && suppressed.contains(p.message().tag())) {
        continue;
      }
      if (p.value() != null) {
        messager.printMessage(p.message().kind(), p.text(), p.element(), p.mirror(), p.value());
      } else if (p.mirror() != null) {
        messager.printMessage(p.message().kind(), p.text(), p.element(), p.mirror());
      } else {
        messager.printMessage(p.message().kind(), p.text(), p.element());
      }
    }
  }

  private static Set<String> suppressed(Element model) {
    SuppressWarnings annotation = model.getAnnotation(SuppressWarnings.class);
    if (annotation == null) {
      return Set.of();
    }
    return Arrays.stream(annotation.value())
        .filter(v -> v.startsWith(PREFIX))
        .map(v -> v.substring(PREFIX.length()))
        .collect(Collectors.toSet());
  }
}
