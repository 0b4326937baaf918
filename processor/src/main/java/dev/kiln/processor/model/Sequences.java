package dev.kiln.processor.model;

import dev.kiln.processor.validation.Message;
import java.util.Optional;

/** What the kinds that work on sequences, and the ones that do not yet, check of their input. */
final class Sequences {
  private Sequences() {}

  /** The sequence flowing into {@code kind}; empty, reported, when something else does. */
  static Optional<Shape.Sequence> required(LayerKind kind, ShapeContext context) {
    String name = context.member().name();
    if (context.input().isEmpty()) {
      if (context.first()) context.report(kind, null, Message.SEQUENCE_WITHOUT_INPUT, kind.annotationName(), name);
      return Optional.empty();
    }
    if (context.input().get() instanceof Shape.Sequence sequence) return Optional.of(sequence);
    context.report(kind, null, Message.NOT_A_SEQUENCE, kind.annotationName(), name, describe(context.input().get()));
    return Optional.empty();
  }

  /** Whether a sequence flows into {@code kind}, which works on vectors only: reported if so. */
  static boolean refused(LayerKind kind, ShapeContext context) {
    if (context.input().isPresent() && context.input().get() instanceof Shape.Sequence sequence) {
      context.report(kind, null, Message.PER_POSITION_NOT_SUPPORTED, kind.annotationName(), context.member().name(),
          sequence.text());
      return true;
    }
    return false;
  }

  /** How an input reads in messages: {@code 10 features}, {@code feature maps of 6 x 5 x 5}. */
  static String describe(Shape shape) {
    if (shape instanceof Shape.Maps maps) return "feature maps of " + maps.text();
    if (shape instanceof Shape.Tokens) return "token ids";
    if (shape instanceof Shape.Sequence sequence) return "a sequence of " + sequence.text();
    return shape.size() + " features";
  }
}
