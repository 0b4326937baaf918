package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import dev.kiln.processor.model.Network;
import dev.kiln.processor.model.NetworkLayer;
import java.util.List;

/**
 * The forward pass, layer by layer. Expects {@code x}, {@code rows}, {@code parameters} and
 * {@code kernels} in scope.
 */
final class ForwardPass {
  private ForwardPass() {}

  /**
   * Inference, as the model's {@code forward} runs it: each layer's output in a new array, activations
   * in place, dropout off. Leaves the output in {@link #inferenceOutput}.
   */
  static CodeBlock inference(Network network) {
    return inference(network, false);
  }

  /**
   * Inference into the model's reusable workspaces ({@code <layer>Inference}) and, for the last layer,
   * into {@code out}, as {@code forward(x, out)} runs it.
   */
  static CodeBlock inferenceInto(Network network) {
    return inference(network, true);
  }

  private static CodeBlock inference(Network network, boolean reuse) {
    CodeBlock.Builder code = CodeBlock.builder();
    String input = "x";
    String last = inferenceOutput(network);
    for (NetworkLayer layer : network.layers()) {
      if (!layer.computes()) {
        continue; // dropout alone: nothing to do outside training
      }
      String output = layer.name() + "Output";
      code.add("// $L: $L\n", layer.name(), LayerNames.describe(layer));
      if (!reuse) {
        code.addStatement("float[] $L = new float[rows * $L]", output, LayerNames.out(layer));
      } else {
        output = output.equals(last) ? "out" : inferenceWorkspace(layer);
      }
      if (layer.linear()) {
        code.addStatement("kernels.linearForward($L, parameters, $L, $L, $L, $L, rows, $L, $L, $L)", input,
            LayerNames.weight(layer), LayerNames.bias(layer), output, output, LayerNames.in(layer),
            LayerNames.out(layer), LayerNames.activation(layer));
      } else {
        code.addStatement("$L.forward($L, $L, rows, $L)", LayerNames.activation(layer), input, output,
            LayerNames.out(layer));
      }
      input = output;
    }
    return code.build();
  }

  /** The model's field that holds a layer's output for {@code forward(x, out)}. */
  static String inferenceWorkspace(NetworkLayer layer) {
    return layer.name() + "Inference";
  }

  /** The name of the array {@link #inference} leaves the network's output in. */
  static String inferenceOutput(Network network) {
    List<NetworkLayer> layers = network.layers();
    for (int i = layers.size() - 1; i >= 0; i--) {
      if (layers.get(i).computes()) return layers.get(i).name() + "Output";
    }
    return "x";
  }

  /** Training, as the trainer runs it: into the workspaces, keeping what backward needs, dropout on. */
  static CodeBlock training(List<LayerPlan> plans) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (LayerPlan plan : plans) {
      NetworkLayer layer = plan.layer();
      code.add("// $L: $L\n", layer.name(), LayerNames.describe(layer));
      if (layer.linear()) {
        code.addStatement("kernels.linearForward($L, parameters, $L, $L, $L, $L, rows, $L, $L, $L)", plan.input(),
            LayerNames.weight(layer), LayerNames.bias(layer), plan.preActivation(), plan.computed(),
            LayerNames.in(layer), LayerNames.out(layer), LayerNames.activation(layer));
      } else if (layer.activation().isPresent()) {
        code.addStatement("$L.forward($L, $L, rows, $L)", LayerNames.activation(layer), plan.input(),
            plan.computed(), LayerNames.out(layer));
      }
      if (layer.dropout().isPresent()) {
        code.addStatement("$T.forward($L, $L, $L, rows * $L, $L, random)", RuntimeTypes.DROPOUT, plan.computed(),
            plan.output(), plan.mask(), LayerNames.out(layer), LayerNames.dropoutConstant(layer));
      }
    }
    return code.build();
  }
}
