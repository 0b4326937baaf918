package dev.kiln.onnx;

import dev.kiln.runtime.graph.LayerNormOp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code nn.LayerNorm} over every value of an example as {@code LayerNormalization(axis = 1)}; ones stand
 * in for an absent weight, which the operator requires.
 */
final class LayerNormExporter implements OperationExporter<LayerNormOp> {
  @Override
  public Value export(LayerNormOp norm, Value input, ExportContext context) {
    OnnxGraph graph = context.graph();
    List<String> inputs = new ArrayList<>(List.of(input.name()));
    if (norm.weight() != null) {
      inputs.add(context.tensor(norm.weight()));
      inputs.add(context.tensor(norm.bias()));
    } else {
      float[] ones = new float[input.size()];
      Arrays.fill(ones, 1f);
      inputs.add(graph.constant(context.scope() + "/ones", ones, ExportContext.dims(input.shape())));
    }
    String output = graph.node(context.scope(), "LayerNormalization", inputs, Attributes.of("axis", 1L),
        Attributes.of("epsilon", norm.eps()));
    return new Value(output, input.shape());
  }
}
