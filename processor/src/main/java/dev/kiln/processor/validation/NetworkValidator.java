package dev.kiln.processor.validation;

import dev.kiln.processor.model.DeclaredNetwork;
import java.util.List;

/** Runs every rule on a declared network, so that all of its problems come out in one compile. */
public final class NetworkValidator {
  private final List<Rule> rules = List.of(
      new StructureRule(), new ActivationCountRule(), new ShapeRule(), new LossPairingRule());

  public void validate(DeclaredNetwork network, ValidationReport report) {
    for (Rule rule : rules) {
      rule.check(network, report);
    }
  }
}
