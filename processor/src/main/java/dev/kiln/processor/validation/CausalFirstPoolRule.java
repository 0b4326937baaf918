package dev.kiln.processor.validation;

import dev.kiln.processor.model.DeclaredNetwork;
import dev.kiln.processor.model.LayerKind;
import dev.kiln.processor.model.Member;
import dev.kiln.processor.model.Shapes;

/**
 * A pool that keeps only the first position after causal attention: that position has seen only itself,
 * so the whole sequence reaches the output through one token.
 */
final class CausalFirstPoolRule implements Rule {
  @Override
  public void check(DeclaredNetwork network, Shapes shapes, ValidationReport report) {
    Member causal = null;
    for (Member member : network.members()) {
      for (LayerKind kind : member.kinds()) {
        if (kind.masksLaterPositions()) causal = member;
        if (kind.needsOnlyTheFirstPosition() && causal != null) {
          report.add(member.problem(kind.origin().mirror(), null, Message.CAUSAL_FIRST_POOL, kind.annotationName(),
              member.name(), causal.name()));
        }
      }
    }
  }
}
