package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import dev.kiln.processor.model.Shape;

/** What the sequence kinds' emitters share: the padding mask and the dropout source they pass on. */
final class SequenceSteps {
  /** The field, in the model and the trainer of a token model, that holds the last batch's padding. */
  static final String PADDING = "padding";

  private SequenceSteps() {}

  /** The padding mask of the step's input: {@code padding.positions()}, or null where no position is padding. */
  static CodeBlock padding(StepCode code) {
    return code.step().input() instanceof Shape.Sequence sequence && sequence.padded()
        ? CodeBlock.of("$L.positions()", PADDING) : CodeBlock.of("null");
  }

  /** The step's input sequence. */
  static Shape.Sequence sequence(StepCode code) {
    return (Shape.Sequence) code.step().input();
  }

  /** The trainer's dropout source where the step drops values, else null. */
  static String random(boolean drops) {
    return drops ? "random" : "null";
  }

  /** {@code dx} for a runtime call: the member's input gradient, or null for the first member. */
  static String inputGradient(StepCode code) {
    return code.plan().inputGradient() == null ? "null" : code.plan().inputGradient();
  }
}
