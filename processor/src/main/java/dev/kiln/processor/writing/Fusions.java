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
    List<MemberCode> members = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      LayerPlan plan = plans.get(i);
      NetworkLayer layer = plan.layer();
      CodeBlock activation = layer.step(Stage.ACTIVATION)
          .flatMap(step -> Emitters.of(step.kind()).activation(layer))
          .orElse(CodeBlock.of("$T.IDENTITY", RuntimeTypes.ACTIVATION));
      boolean inProduct = layer.step(Stage.TRANSFORM).filter(t -> Emitters.of(t.kind()).appliesActivation())
          .isPresent() && layer.has(Stage.ACTIVATION);
      boolean doneAbove = i + 1 < plans.size() && masksReluBelow(plans.get(i + 1), plan);
      LayerPlan maskBelow = i > 0 && masksReluBelow(plan, plans.get(i - 1)) ? plans.get(i - 1) : null;
      List<StepCode> steps = new ArrayList<>();
      for (Step step : layer.steps()) {
        boolean transform = step.kind().stage() == Stage.TRANSFORM;
        boolean activationStep = step.kind().stage() == Stage.ACTIVATION;
        steps.add(new StepCode(step, plan, activation, inProduct, activationStep && doneAbove,
            transform ? maskBelow : null));
      }
      members.add(new MemberCode(plan, steps));
    }
    return members;
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
