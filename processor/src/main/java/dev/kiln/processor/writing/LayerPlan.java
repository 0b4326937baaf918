package dev.kiln.processor.writing;

import dev.kiln.processor.model.Network;
import dev.kiln.processor.model.NetworkLayer;
import dev.kiln.processor.model.Stage;
import java.util.ArrayList;
import java.util.List;

/**
 * The arrays the trainer uses for one member, named once for the forward and the backward pass.
 *
 * @param input what the member reads: {@code x} or the previous member's {@link #output}
 * @param inputGradient where the gradient of {@code input} goes; null for the first member, which needs none
 * @param preActivation the activation's input, kept for its gradient (the same as {@code computed} when
 *     the activation needs only its output)
 * @param computed the member's own output, after its activation and before dropout
 * @param computedGradient the gradient of {@code computed}
 * @param output what the next member reads: {@code computed}, or the dropped-out copy of it
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
      if (layer.step(Stage.ACTIVATION).filter(s -> s.kind().needsInput()).isPresent()) {
        preActivation = layer.has(Stage.TRANSFORM) ? layer.name() + "PreActivation" : input;
      }
      String output = layer.has(Stage.DROPOUT) ? layer.name() + "Dropped" : computed;
      String outputGradient = layer.has(Stage.DROPOUT) ? layer.name() + "DroppedGradient" : computedGradient;
      plans.add(new LayerPlan(layer, input, inputGradient, preActivation, computed, computedGradient, output,
          outputGradient));
      input = output;
      inputGradient = outputGradient;
    }
    return plans;
  }

  /** The workspaces the member owns, whatever its kinds: its output and that output's gradient. */
  List<Workspace> workspaces() {
    List<Workspace> arrays = new ArrayList<>();
    if (layer.computes()) {
      arrays.add(Workspace.floats(computed, LayerNames.out(layer)));
      arrays.add(Workspace.floats(computedGradient, LayerNames.out(layer)));
    }
    return arrays;
  }
}
