package dev.kiln.processor.validation;

import dev.kiln.processor.model.DeclaredLayer;
import dev.kiln.processor.model.DeclaredLinear;
import dev.kiln.processor.model.DeclaredNetwork;
import javax.lang.model.element.AnnotationValue;

/**
 * Sizes are positive, the first layer says its input size, and each declared {@code in} matches the
 * output size before it. Walks on past a bad layer so that later ones are still checked.
 */
final class ShapeRule implements Rule {
  private static final int UNKNOWN = -1;

  @Override
  public void check(DeclaredNetwork network, ValidationReport report) {
    int previousOut = UNKNOWN;
    String previousName = null;
    for (int i = 0; i < network.layers().size(); i++) {
      DeclaredLayer layer = network.layers().get(i);
      if (layer.linear().isEmpty()) {
        if (i == 0) {
          report.add(Problem.on(layer.method(), Message.FIRST_LAYER_NOT_LINEAR, layer.name()));
        }
        continue; // an activation on its own keeps the previous size
      }
      DeclaredLinear linear = layer.linear().get();
      if (linear.in().isPresent()) {
        int in = linear.inSize().get();
        if (in <= 0) {
          report.add(notPositive(layer, linear, linear.in().get(), "in", in));
        } else if (previousOut != UNKNOWN && in != previousOut) {
          report.add(Problem.on(layer.method(), linear.mirror(), linear.in().get(), Message.IN_MISMATCH,
              in, layer.name(), previousOut, previousName, previousOut));
        }
      } else if (i == 0) {
        report.add(Problem.on(layer.method(), linear.mirror(), Message.FIRST_LAYER_WITHOUT_IN, layer.name(),
            linear.outSize()));
      }
      int out = linear.outSize();
      if (out <= 0) {
        report.add(notPositive(layer, linear, linear.out(), "out", out));
      }
      previousOut = out > 0 ? out : UNKNOWN;
      previousName = layer.name();
    }
  }

  private static Problem notPositive(DeclaredLayer layer, DeclaredLinear linear, AnnotationValue value,
      String member, int size) {
    return Problem.on(layer.method(), linear.mirror(), value, Message.SIZE_NOT_POSITIVE, member, size,
        layer.name());
  }
}
