package dev.kiln.processor.writing;

import dev.kiln.processor.model.Network;
import dev.kiln.processor.model.NetworkLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * The arrays the trainer uses for one layer, named once for the forward and the backward pass.
 *
 * @param input what the layer reads: {@code x} or the previous layer's {@link #output}
 * @param inputGradient where the gradient of {@code input} goes; null for the first layer, which needs none
 * @param preActivation the activation's input, kept for its gradient (the same as {@code computed} when
 *     the activation needs only its output)
 * @param computed the layer's own output, after its activation and before dropout
 * @param computedGradient the gradient of {@code computed}
 * @param output what the next layer reads: {@code computed}, or the dropped-out copy of it
 * @param outputGradient the gradient of {@code output}
 */
record LayerPlan(NetworkLayer layer, String input, String inputGradient, String preActivation, String computed,
    String computedGradient, String output, String outputGradient) {

  static List<LayerPlan> of(Network network) {
    List<LayerPlan> plans = new ArrayList<>();
    String input = "x";
    String inputGradient = null;
    for (NetworkLayer layer : network.layers()) {
      String computed = layer.computes() ? layer.name() + "Output" : input;
      String computedGradient = layer.computes() ? layer.name() + "Gradient" : inputGradient;
      String preActivation = computed;
      if (layer.activationKind().filter(k -> k.needsInput()).isPresent()) {
        preActivation = layer.linear() ? layer.name() + "PreActivation" : input;
      }
      String output = layer.dropout().isPresent() ? layer.name() + "Dropped" : computed;
      String outputGradient = layer.dropout().isPresent() ? layer.name() + "DroppedGradient" : computedGradient;
      plans.add(new LayerPlan(layer, input, inputGradient, preActivation, computed, computedGradient, output,
          outputGradient));
      input = output;
      inputGradient = outputGradient;
    }
    return plans;
  }

  String mask() {
    return layer.name() + "Mask";
  }

  /** The workspaces this layer owns, each [rows x out]. */
  List<String> workspaces() {
    List<String> arrays = new ArrayList<>();
    if (layer.computes()) {
      arrays.add(computed);
      arrays.add(computedGradient);
      if (layer.linear() && !preActivation.equals(computed)) arrays.add(preActivation);
    }
    if (layer.dropout().isPresent()) {
      arrays.add(output);
      arrays.add(outputGradient);
      arrays.add(mask());
    }
    return arrays;
  }
}
