package dev.kiln.processor.validation;

import dev.kiln.processor.model.DeclaredNetwork;
import dev.kiln.processor.model.ShapeWalk;
import dev.kiln.processor.model.Shapes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Walks a declared network's shapes once, then runs every rule on it, so that all of its problems come
 * out in one compile. One validator serves a whole compilation, so that it sees names generated for
 * every model.
 */
public final class NetworkValidator {
  private final List<Rule> rules;

  public NetworkValidator(Elements elements, Types types) {
    Set<String> claimed = new HashSet<>();
    this.rules = List.of(new StructureRule(), new GeneratedNameRule(elements, types, claimed),
        new LayerCountRule(), new ActivationCountRule(), new LossPairingRule(), new LossOptionRule(), new LayerPlacementRule(), new FlatOutputRule(),
        new CausalFirstPoolRule());
  }

  /** Reports every problem of {@code network}; returns its shapes, which resolution reads when it is clean. */
  public Shapes validate(DeclaredNetwork network, ValidationReport report) {
    Shapes shapes = ShapeWalk.of(network, report);
    for (Rule rule : rules) {
      rule.check(network, shapes, report);
    }
    return shapes;
  }
}
