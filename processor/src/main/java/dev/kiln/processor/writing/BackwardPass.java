package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import java.util.List;

/**
 * Back-propagation from the output's gradient to the first member's parameters. Each step turns the
 * gradient of its output into that of its input, in place where it can, and writes its parameters'
 * gradients; a member without a transform then hands its gradient on to the member below.
 */
final class BackwardPass {
  private BackwardPass() {}

  static CodeBlock of(List<MemberCode> members) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (int i = members.size() - 1; i >= 0; i--) {
      MemberCode member = members.get(i);
      code.add(Literals.comment("Backward through " + member.comment()));
      List<StepCode> steps = member.steps();
      for (int s = steps.size() - 1; s >= 0; s--) {
        Emitters.of(steps.get(s).step().kind()).backward(steps.get(s), code);
      }
      handOn(member, code);
      addSkippedGradients(members, i, code);
    }
    return code.build();
  }

  /**
   * Where member {@code i} starts a residual block, the join's gradient also flows straight to the
   * block's input: added once the block's own backward pass has written that input's gradient.
   */
  private static void addSkippedGradients(List<MemberCode> members, int i, CodeBlock.Builder code) {
    String inputGradient = members.get(i).plan().inputGradient();
    if (inputGradient == null) return;
    for (int j = i + 1; j < members.size(); j++) {
      for (StepCode step : members.get(j).steps()) {
        int skip = step.step().kind().skipsMembers();
        if (skip > 0 && j - skip == i) {
          code.add("// $L's residual connection: its gradient also reaches the block's input directly.\n",
              members.get(j).layer().path());
          code.addStatement("$T.vectors().axpy(1f,$W$L,$W0,$W$L,$W0,$Wrows * $L)", RuntimeTypes.KERNEL_PROVIDER,
              members.get(j).plan().computedGradient(), inputGradient, LayerNames.out(members.get(j).layer()));
        }
      }
    }
  }

  /**
   * A member whose steps worked in place on its output's gradient (an activation without a product)
   * hands that gradient on as its input's.
   */
  static void handOn(MemberCode member, CodeBlock.Builder code) {
    LayerPlan plan = member.plan();
    boolean written = member.steps().stream().anyMatch(s -> Emitters.of(s.step().kind()).writesInputGradient());
    if (member.layer().computes() && !written && plan.inputGradient() != null) {
      code.addStatement("$T.arraycopy($L,$W0,$W$L,$W0,$Wrows * $L)", System.class, plan.computedGradient(),
          plan.inputGradient(), LayerNames.out(member.layer()));
    }
  }
}
