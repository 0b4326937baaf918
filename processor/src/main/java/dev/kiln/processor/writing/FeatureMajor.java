package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import dev.kiln.processor.model.ActivationKind;
import dev.kiln.processor.model.Network;
import dev.kiln.processor.model.NetworkLayer;
import java.util.List;

/**
 * The trainer's passes for narrow networks, in feature-major layout: every workspace holds
 * [features x rows], so that the batch, a narrow network's one wide dimension, is the one the kernels
 * vectorize along. The input is transposed once per step, and the output and its gradient once each
 * around the loss, which keeps its row-major view.
 */
final class FeatureMajor {
  /** Layers at most this wide gain more from vectors along the batch than along their features. */
  static final int NARROW = 32;

  private FeatureMajor() {}

  /**
   * Whether the trainer of {@code network} runs feature-major: every Linear narrow, and every
   * activation element-wise (softmax rows and per-feature PReLU slopes assume row-major), no dropout.
   */
  static boolean suits(Network network) {
    for (NetworkLayer layer : network.layers()) {
      if (layer.linear() && (layer.in() > NARROW || layer.out() > NARROW)) return false;
      if (layer.dropout().isPresent()) return false;
      ActivationKind kind = layer.activationKind().orElse(null);
      if (kind == ActivationKind.SOFTMAX || kind == ActivationKind.LOG_SOFTMAX || kind == ActivationKind.PRELU) {
        return false;
      }
    }
    return true;
  }

  private static String transposedInput(LayerPlan plan) {
    return plan.input().equals("x") ? "xT" : plan.input();
  }

  static CodeBlock forward(List<LayerPlan> plans) {
    CodeBlock.Builder code = CodeBlock.builder()
        .add("// Feature-major: every workspace below is [features x rows].\n")
        .addStatement("kernels.transpose(x, rows, IN, xT)");
    for (LayerPlan plan : plans) {
      NetworkLayer layer = plan.layer();
      code.add("// $L: $L\n", layer.name(), LayerNames.describe(layer));
      if (layer.linear()) {
        code.addStatement("kernels.linearForwardT($L, parameters, $L, $L, $L, $L, rows, $L, $L, $L)",
            transposedInput(plan), LayerNames.weight(layer), LayerNames.bias(layer), plan.preActivation(),
            plan.computed(), LayerNames.in(layer), LayerNames.out(layer), LayerNames.activation(layer));
      } else {
        String input = transposedInput(plan);
        code.addStatement("$L.forward($L, $L, $L, rows)", LayerNames.activation(layer), input, plan.computed(),
            LayerNames.out(layer));
      }
    }
    LayerPlan last = plans.get(plans.size() - 1);
    return code.add("// The loss reads rows.\n")
        .addStatement("kernels.transpose($L, OUT, rows, networkOutput)", last.output())
        .build();
  }

  static CodeBlock backward(List<LayerPlan> plans) {
    LayerPlan last = plans.get(plans.size() - 1);
    CodeBlock.Builder code = CodeBlock.builder()
        .addStatement("kernels.transpose(networkGradient, rows, OUT, $L)", last.outputGradient());
    for (int i = plans.size() - 1; i >= 0; i--) {
      LayerPlan plan = plans.get(i);
      NetworkLayer layer = plan.layer();
      String preActivation = plan.preActivation().equals("x") ? "xT" : plan.preActivation();
      code.add("// Backward through $L: $L\n", layer.name(), LayerNames.describe(layer));
      if (layer.activation().isPresent()) {
        // Element-wise, so the layout does not matter: OUT rows of `rows` values.
        code.addStatement("$L.backward($L, $L, $L, $L, rows)", LayerNames.activation(layer), preActivation,
            plan.computed(), plan.computedGradient(), LayerNames.out(layer));
      }
      if (layer.linear()) {
        code.addStatement("kernels.linearParameterGradientT($L, $L, gradients, $L, $L, rows, $L, $L)",
            plan.computedGradient(), transposedInput(plan), LayerNames.weight(layer), LayerNames.bias(layer),
            LayerNames.in(layer), LayerNames.out(layer));
        if (plan.inputGradient() != null) {
          code.addStatement("kernels.linearInputGradientT($L, parameters, $L, $L, rows, $L, $L)",
              plan.computedGradient(), LayerNames.weight(layer), plan.inputGradient(), LayerNames.in(layer),
              LayerNames.out(layer));
        }
      } else if (plan.inputGradient() != null) {
        code.addStatement("$T.arraycopy($L, 0, $L, 0, rows * $L)", System.class, plan.computedGradient(),
            plan.inputGradient(), LayerNames.out(layer));
      }
    }
    return code.build();
  }
}
