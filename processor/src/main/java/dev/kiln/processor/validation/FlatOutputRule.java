package dev.kiln.processor.validation;

import dev.kiln.processor.model.DeclaredNetwork;
import dev.kiln.processor.model.Member;
import dev.kiln.processor.model.Shape;
import dev.kiln.processor.model.Shapes;
import java.util.Optional;

/** The loss reads one vector per example: a network that ends in feature maps is an error on its {@code @Loss}. */
final class FlatOutputRule implements Rule {
  @Override
  public void check(DeclaredNetwork network, Shapes shapes, ValidationReport report) {
    if (network.loss().isEmpty() || network.members().isEmpty()) {
      return;
    }
    int last = network.members().size() - 1;
    Optional<Shape> output = shapes.of(last).output();
    if (output.isPresent() && output.get() instanceof Shape.Maps maps) {
      Member member = network.members().get(last);
      report.add(Problem.on(network.type(), network.loss().get().mirror(), network.loss().get().kindValue(),
          Message.LOSS_ON_FEATURE_MAP, network.loss().get().kind(), member.name(), maps.text()));
    }
  }
}
