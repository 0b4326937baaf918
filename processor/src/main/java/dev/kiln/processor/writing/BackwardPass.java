package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import dev.kiln.processor.model.Stage;
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

  /** An activation alone worked in place on its output's gradient: that is its input's gradient. */
  static void handOn(MemberCode member, CodeBlock.Builder code) {
    LayerPlan plan = member.plan();
    if (!member.transforms() && member.layer().has(Stage.ACTIVATION) && plan.inputGradient() != null) {
      code.addStatement("$T.arraycopy($L, 0, $L, 0, rows * $L)", System.class, plan.computedGradient(),
          plan.inputGradient(), LayerNames.out(member.layer()));
    }
  }
}
