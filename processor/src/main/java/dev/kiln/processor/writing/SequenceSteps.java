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

  /**
   * The calls of a runtime layer with attention's signature ({@code SelfAttention}, {@code EncoderLayer}):
   * {@code forward(x, parameters, at, padding, y, rows, random)}, in inference without dropout.
   */
  static void attendInference(StepCode code, String field, String at, String input, String output,
      CodeBlock.Builder out) {
    out.addStatement("$L.forward($L,$Wparameters,$W$L,$W$L,$W$L,$Wrows,$Wnull)", field, input, code.constant(at),
        padding(code), output);
  }

  /** The training forward pass of such a layer; {@code drops}: whether it draws dropout. */
  static void attendForward(StepCode code, String field, String at, boolean drops, CodeBlock.Builder out) {
    out.addStatement("$L.forward($L,$Wparameters,$W$L,$W$L,$W$L,$Wrows,$W$L)", field, code.plan().input(),
        code.constant(at), padding(code), code.plan().computed(), random(drops));
  }

  /** Its backward pass: {@code backward(x, dy, dx, parameters, at, gradients, rows, padding)}. */
  static void attendBackward(StepCode code, String field, String at, CodeBlock.Builder out) {
    out.addStatement("$L.backward($L,$W$L,$W$L,$Wparameters,$W$L,$Wgradients,$Wrows,$W$L)", field,
        code.plan().input(), code.plan().computedGradient(), inputGradient(code), code.constant(at), padding(code));
  }
}
