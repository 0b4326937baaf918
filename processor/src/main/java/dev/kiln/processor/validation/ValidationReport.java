package dev.kiln.processor.validation;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;

/** The problems found in one model, collected so that all of them are reported in one compile. */
public final class ValidationReport {
  private final List<Problem> problems = new ArrayList<>();

  public void add(Problem problem) {
    problems.add(problem);
  }

  public List<Problem> problems() {
    return List.copyOf(problems);
  }

  public boolean isClean() {
    return problems.stream().noneMatch(Problem::isError);
  }

  /** Sends every problem to the messager, at its element, annotation and value. */
  public void printTo(Messager messager) {
    for (Problem p : problems) {
      if (p.value() != null) {
        messager.printMessage(p.message().kind(), p.text(), p.element(), p.mirror(), p.value());
      } else if (p.mirror() != null) {
        messager.printMessage(p.message().kind(), p.text(), p.element(), p.mirror());
      } else {
        messager.printMessage(p.message().kind(), p.text(), p.element());
      }
    }
  }
}
