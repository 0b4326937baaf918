package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import dev.kiln.processor.model.NetworkLayer;
import dev.kiln.processor.model.Stage;
import dev.kiln.processor.model.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides where neighbouring steps run as one, so that no emitter has to know its neighbours' kinds:
 * a member's activation applied by its product as each row is written, and a ReLU's backward pass
 * applied by the input gradient of the product above it as each block is stored.
 */
final class Fusions {
  private Fusions() {}

  static List<MemberCode> of(List<LayerPlan> plans) {
    List<Integer> skipStarts = skipStarts(plans);
    List<MemberCode> members = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      LayerPlan plan = plans.get(i);
      NetworkLayer layer = plan.layer();
      CodeBlock activation = layer.step(Stage.ACTIVATION)
          .flatMap(step -> Emitters.of(step.kind()).activation(layer))
          .orElse(CodeBlock.of("$T.IDENTITY", RuntimeTypes.ACTIVATION));
      boolean inProduct = layer.step(Stage.TRANSFORM).filter(t -> Emitters.of(t.kind()).appliesActivation())
          .isPresent() && layer.has(Stage.ACTIVATION);
      int above = neighbourAbove(plans, i);
      int below = neighbourBelow(plans, i);
      // A gradient that a residual join adds to after the block's backward pass is not done when the first
      // member of the block writes it: the ReLU below must then mask the sum itself.
      boolean doneAbove = above >= 0 && !crosses(skipStarts, i, above) && masksReluBelow(plans.get(above), plan);
      LayerPlan maskBelow = below >= 0 && !crosses(skipStarts, below, i) && masksReluBelow(plan, plans.get(below))
          ? plans.get(below) : null;
      List<StepCode> steps = new ArrayList<>();
      for (Step step : layer.steps()) {
        boolean transform = step.kind().stage() == Stage.TRANSFORM;
        boolean activationStep = step.kind().stage() == Stage.ACTIVATION;
        int skip = step.kind().skipsMembers();
        steps.add(new StepCode(step, plan, activation, inProduct, activationStep && doneAbove,
            transform ? maskBelow : null, skip > 0 ? plans.get(i - skip) : null));
      }
      members.add(new MemberCode(plan, steps));
    }
    return members;
  }

  /** The members whose input a residual join adds to the output of the members after them. */
  static List<Integer> skipStarts(List<LayerPlan> plans) {
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      for (Step step : plans.get(i).layer().steps()) {
        if (step.kind().skipsMembers() > 0) starts.add(i - step.kind().skipsMembers());
      }
    }
    return starts;
  }

  /** Whether a residual block starts at a member in (below, above]: its input's gradient is not final in between. */
  private static boolean crosses(List<Integer> starts, int below, int above) {
    return starts.stream().anyMatch(s -> s > below && s <= above);
  }

  /**
   * The member that reads member {@code i}'s output as the next one to compute: members that write
   * nothing of their own (a reshape) are looked through, since they hand on the same array. -1 if none.
   */
  private static int neighbourAbove(List<LayerPlan> plans, int i) {
    for (int j = i + 1; j < plans.size(); j++) {
      if (writes(plans.get(j))) return j;
    }
    return -1;
  }

  /** The member whose output member {@code i} reads, looking through members that write nothing; -1 if none. */
  private static int neighbourBelow(List<LayerPlan> plans, int i) {
    for (int j = i - 1; j >= 0; j--) {
      if (writes(plans.get(j))) return j;
    }
    return -1;
  }

  private static boolean writes(LayerPlan plan) {
    return plan.layer().computes() || plan.layer().has(Stage.DROPOUT);
  }

  /**
   * Whether {@code above}'s input gradient also does the backward pass of {@code below}'s ReLU: a product
   * that can mask, above a product + ReLU member whose output it reads as is (no dropout between them).
   */
  private static boolean masksReluBelow(LayerPlan above, LayerPlan below) {
    Optional<Step> product = above.layer().step(Stage.TRANSFORM);
    Optional<Step> relu = below.layer().step(Stage.ACTIVATION);
    return product.isPresent() && Emitters.of(product.get().kind()).masksInputGradient()
        && above.inputGradient() != null && below.layer().has(Stage.TRANSFORM)
        && relu.isPresent() && Emitters.of(relu.get().kind()).isReluMask()
        && !below.layer().has(Stage.DROPOUT) && above.inputGradient().equals(below.computedGradient());
  }
}
