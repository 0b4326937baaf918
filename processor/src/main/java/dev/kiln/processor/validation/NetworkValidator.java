package dev.kiln.processor.validation;

import dev.kiln.processor.model.DeclaredNetwork;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Runs every rule on a declared network, so that all of its problems come out in one compile. One
 * validator serves a whole compilation, so that it sees names generated for every model.
 */
public final class NetworkValidator {
  private final List<Rule> rules;

  public NetworkValidator(Elements elements, Types types) {
    Set<String> claimed = new HashSet<>();
    this.rules = List.of(new StructureRule(), new GeneratedNameRule(elements, types, claimed),
        new ActivationCountRule(), new ActivationOptionRule(), new ShapeRule(), new LossPairingRule(), new LossOptionRule(),
        new LayerPlacementRule());
  }

  public void validate(DeclaredNetwork network, ValidationReport report) {
    for (Rule rule : rules) {
      rule.check(network, report);
    }
  }
}
