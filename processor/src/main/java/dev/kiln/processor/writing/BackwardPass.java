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
      code.add("// Backward through $L\n", member.comment());
      List<StepCode> steps = member.steps();
      for (int s = steps.size() - 1; s >= 0; s--) {
        Emitters.of(steps.get(s).step().kind()).backward(steps.get(s), code);
      }
      handOn(member, code);
    }
    return code.build();
  }

  /**
   * A member whose steps worked in place on its output's gradient (an activation without a product)
   * hands that gradient on as its input's.
   */
  static void handOn(MemberCode member, CodeBlock.Builder code) {
    LayerPlan plan = member.plan();
    boolean written = member.steps().stream().anyMatch(s -> Emitters.of(s.step().kind()).writesInputGradient());
    if (member.layer().computes() && !written && plan.inputGradient() != null) {
      code.addStatement("$T.arraycopy($L, 0, $L, 0, rows * $L)", System.class, plan.computedGradient(),
          plan.inputGradient(), LayerNames.out(member.layer()));
    }
  }
}
