package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import dev.kiln.processor.model.ActivationKind;
import dev.kiln.processor.model.NetworkLayer;
import java.util.List;

/**
 * Back-propagation from the output's gradient to the first layer's parameters. Each layer turns the
 * gradient of its output into that of its pre-activation in place, writes its parameter gradients and,
 * but for the first layer, the gradient of its input.
 */
final class BackwardPass {
  private BackwardPass() {}

  static CodeBlock of(List<LayerPlan> plans) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (int i = plans.size() - 1; i >= 0; i--) {
      LayerPlan plan = plans.get(i);
      NetworkLayer layer = plan.layer();
      // A ReLU's backward pass is done by the input gradient of the layer above it, as it stores.
      boolean reluDoneAbove = i + 1 < plans.size() && fusesReluBelow(plans.get(i + 1), plan);
      code.add("// Backward through $L: $L\n", layer.name(), LayerNames.describe(layer));
      if (layer.dropout().isPresent() && plan.computedGradient() != null) {
        code.addStatement("$T.backward($L, $L, $L, rows * $L)", RuntimeTypes.DROPOUT, plan.outputGradient(),
            plan.mask(), plan.computedGradient(), LayerNames.out(layer));
      }
      if (layer.hasPrelu()) {
        code.addStatement("$L.slopeGradient($L, $L, gradients, rows, $L)", LayerNames.preluField(layer),
            plan.preActivation(), plan.computedGradient(), LayerNames.out(layer));
      }
      if (layer.activation().isPresent() && !reluDoneAbove) {
        code.addStatement("$L.backward($L, $L, $L, rows, $L)", LayerNames.activation(layer), plan.preActivation(),
            plan.computed(), plan.computedGradient(), LayerNames.out(layer));
      }
      if (layer.linear()) {
        code.addStatement("kernels.linearParameterGradient($L, $L, gradients, $L, $L, rows, $L, $L)",
            plan.computedGradient(), plan.input(), LayerNames.weight(layer), LayerNames.bias(layer),
            LayerNames.in(layer), LayerNames.out(layer));
        LayerPlan below = i > 0 ? plans.get(i - 1) : null;
        if (below != null && fusesReluBelow(plan, below)) {
          code.add("// The input gradient, with $L's ReLU backward pass applied as it is stored.\n",
              below.layer().name());
          code.addStatement("kernels.linearInputGradientRelu($L, parameters, $L, $L, $L, rows, $L, $L)",
              plan.computedGradient(), LayerNames.weight(layer), plan.inputGradient(), below.computed(),
              LayerNames.in(layer), LayerNames.out(layer));
        } else if (plan.inputGradient() != null) {
          code.addStatement("kernels.linearInputGradient($L, parameters, $L, $L, rows, $L, $L)",
              plan.computedGradient(), LayerNames.weight(layer), plan.inputGradient(), LayerNames.in(layer),
              LayerNames.out(layer));
        }
      } else if (layer.activation().isPresent() && plan.inputGradient() != null) {
        code.addStatement("$T.arraycopy($L, 0, $L, 0, rows * $L)", System.class, plan.computedGradient(),
            plan.inputGradient(), LayerNames.out(layer));
      }
    }
    return code.build();
  }

  /**
   * Whether {@code plan}'s input gradient also does the ReLU backward pass of {@code below}: a Linear
   * layer above a Linear + ReLU layer whose output it reads as is (no dropout between them).
   */
  private static boolean fusesReluBelow(LayerPlan plan, LayerPlan below) {
    NetworkLayer layer = below.layer();
    return plan.layer().linear() && plan.inputGradient() != null && layer.linear()
        && layer.activationKind().filter(kind -> kind == ActivationKind.RELU).isPresent()
        && layer.dropout().isEmpty() && plan.inputGradient().equals(below.computedGradient());
  }
}
