package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import dev.kiln.dsl.LossKind;
import dev.kiln.processor.model.ActivationKind;
import dev.kiln.processor.model.Network;
import dev.kiln.processor.model.NetworkLayer;
import java.util.List;

/**
 * The trainer's passes for narrow networks, in feature-major layout: every workspace holds
 * [features x rows], so that the batch, a narrow network's one wide dimension, is the one the kernels
 * vectorize along. The input is transposed once per step; plain cross-entropy and any one-wide output
 * go to the loss as they are, other losses get the output transposed to rows and the gradient back.
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
    return code.build();
  }

  /**
   * Whether the loss works on the feature-major output as it is: an output one wide is the same in
   * both layouts, and plain cross-entropy on class indices has a feature-major pass of its own.
   */
  static boolean lossReadsFeatureMajor(Network network, boolean classIndices) {
    if (network.out() == 1) return true;
    return classIndices && network.loss() == LossKind.CROSS_ENTROPY && !network.lossSpec().isGiven("weight")
        && !network.lossSpec().isGiven("labelSmoothing");
  }

  /** Whether any step of the trainer needs the output transposed to rows for its loss. */
  static boolean needsRowMajorOutput(Network network) {
    return network.classIndexTargets() && !lossReadsFeatureMajor(network, true)
        || network.floatTargets() && !lossReadsFeatureMajor(network, false);
  }

  /** The step's loss call: on the feature-major output, or around it, transposing to rows and back. */
  static CodeBlock loss(Network network, List<LayerPlan> plans, boolean classIndices) {
    LayerPlan last = plans.get(plans.size() - 1);
    if (network.out() == 1) {
      return CodeBlock.builder()
          .add("// One output: feature-major and row-major are the same.\n")
          .addStatement("float loss = LOSS.compute($L, targets, $L, rows, OUT)", last.output(), last.outputGradient())
          .build();
    }
    if (lossReadsFeatureMajor(network, classIndices)) {
      return CodeBlock.builder()
          .addStatement("float loss = LOSS.computeFeatureMajor($L, targets, $L, rows, OUT)", last.output(),
              last.outputGradient())
          .build();
    }
    return CodeBlock.builder()
        .add("// The loss reads rows: the output is transposed to them, and its gradient back.\n")
        .addStatement("kernels.transpose($L, OUT, rows, networkOutput)", last.output())
        .addStatement("float loss = LOSS.compute(networkOutput, targets, networkGradient, rows, OUT)")
        .addStatement("kernels.transpose(networkGradient, rows, OUT, $L)", last.outputGradient())
        .build();
  }

  static CodeBlock backward(List<LayerPlan> plans) {
    CodeBlock.Builder code = CodeBlock.builder();
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
        // The first layer's input is at hand in rows too, which suits some shapes better.
        code.addStatement("kernels.linearParameterGradientT($L, $L, $Lgradients, $L, $L, rows, $L, $L)",
            plan.computedGradient(), transposedInput(plan), plan.input().equals("x") ? "x, " : "",
            LayerNames.weight(layer), LayerNames.bias(layer), LayerNames.in(layer), LayerNames.out(layer));
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
