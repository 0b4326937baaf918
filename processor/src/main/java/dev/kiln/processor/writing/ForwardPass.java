package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import dev.kiln.processor.model.Network;
import dev.kiln.processor.model.NetworkLayer;

/**
 * The forward pass, layer by layer, as both the model's {@code forward} and the trainer's {@code step}
 * run it. Expects locals {@code x}, {@code rows}, {@code parameters} and {@code kernels} in scope, and
 * one output array per layer, named by {@link LayerNames#output}.
 */
final class ForwardPass {
  private ForwardPass() {}

  /** @param allocate whether to declare each output array ({@code forward}) or use a workspace ({@code step}) */
  static CodeBlock of(Network network, boolean allocate) {
    CodeBlock.Builder code = CodeBlock.builder();
    String input = "x";
    for (NetworkLayer layer : network.layers()) {
      String output = LayerNames.output(layer);
      code.add("// $L: $L\n", layer.name(), LayerNames.describe(layer));
      if (allocate) {
        code.addStatement("float[] $L = new float[rows * $L]", output, LayerNames.out(layer));
      }
      if (layer.linear()) {
        code.addStatement("kernels.linearForward($L, parameters, $L, $L, $L, rows, $L, $L, $T.$L)", input,
            LayerNames.weight(layer), LayerNames.bias(layer), output, LayerNames.in(layer),
            LayerNames.out(layer), RuntimeTypes.ACTIVATION, LayerNames.activation(layer));
      } else {
        code.addStatement("$T.arraycopy($L, 0, $L, 0, rows * $L)", System.class, input, output,
            LayerNames.out(layer));
        code.addStatement("$T.$L.forward($L, rows, $L)", RuntimeTypes.ACTIVATION, LayerNames.activation(layer),
            output, LayerNames.out(layer));
      }
      input = output;
    }
    return code.build();
  }
}
