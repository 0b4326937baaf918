package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import dev.kiln.processor.model.NetworkLayer;
import dev.kiln.processor.model.Shape;
import dev.kiln.processor.model.Step;
import java.util.List;
import java.util.function.Supplier;

/**
 * What an emitter writes one step with: the step, its member's arrays, and what {@link Fusions} decided
 * about its neighbours.
 *
 * @param activation the member's activation as generated code passes it ({@code Activation.IDENTITY} when none)
 * @param activationInProduct whether the member's transform applies its activation as it writes each row
 * @param backwardDoneAbove whether the member above already did this step's backward pass (a ReLU's mask)
 * @param maskBelow the member below whose ReLU mask this step's input gradient applies, or null
 * @param skipFrom for a step that adds an earlier input to its own (a residual join), the member whose
 *     input that is; null otherwise
 */
record StepCode(Step step, LayerPlan plan, CodeBlock activation, boolean activationInProduct,
    boolean backwardDoneAbove, LayerPlan maskBelow, LayerPlan skipFrom) {

  NetworkLayer layer() {
    return plan.layer();
  }

  String in() {
    return LayerNames.in(layer());
  }

  String out() {
    return LayerNames.out(layer());
  }

  /** The state-dict name of the step's tensor {@code within} its module ({@code weight}) as a literal, or {@code null}. */
  CodeBlock tensorName(String within) {
    return step.tensors().stream().filter(t -> t.decl().name().equals(within)).findFirst()
        .map(t -> CodeBlock.of("$S", t.name())).orElse(CodeBlock.of("null"));
  }

  String constant(String suffix) {
    return LayerNames.constant(layer(), suffix);
  }

  /**
   * The workspace a product keeps its output in before the member's activation, when the activation's
   * gradient needs it; none when the activation works in place.
   */
  List<Workspace> keptPreActivation() {
    return plan.preActivation().equals(plan.computed()) ? List.of()
        : List.of(Workspace.floats(plan.preActivation(), out()));
  }

  /**
   * Writes a product's input gradient: {@code masked}, which also applies the ReLU mask of the member
   * below, where {@link Fusions} chose that; {@code plain} otherwise; nothing for the first member, whose
   * input needs no gradient.
   */
  void inputGradient(CodeBlock.Builder out, Supplier<CodeBlock> masked,
      Supplier<CodeBlock> plain) {
    if (maskBelow != null) {
      out.add(Literals.comment("The input gradient, with " + maskBelow.layer().name()
          + "'s ReLU backward pass applied as it is stored."));
      out.addStatement(masked.get());
    } else if (plan.inputGradient() != null) {
      out.addStatement(plain.get());
    }
  }

  /**
   * The rows a kernel of this step processes: the batch's, or, on a sequence, one per position
   * ({@code rows * <MEMBER>_LENGTH}), the step then working position by position.
   */
  CodeBlock positions() {
    return step.input() instanceof Shape.Sequence ? CodeBlock.of("rows * $L", constant("LENGTH"))
        : CodeBlock.of("rows");
  }

  /** Values per row the step's kernels read: the member's input, or, on a sequence, a position's. */
  String inWidth() {
    return step.input() instanceof Shape.Sequence ? constant("POSITION_IN") : in();
  }

  /** Values per row the step's kernels write: the member's output, or, on a sequence, a position's. */
  String outWidth() {
    return step.output() instanceof Shape.Sequence ? constant("POSITION_OUT") : out();
  }

  /** The input in the trainer's feature-major layout: the transposed batch stands in for {@code x}. */
  String transposedInput() {
    return plan.input().equals("x") ? "xT" : plan.input();
  }
}
