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
      int[] normalised = input.shape().length == 2 ? new int[] {input.shape()[1]} : input.shape();
      float[] ones = new float[new Value("", normalised).size()];
      Arrays.fill(ones, 1f);
      inputs.add(graph.constant(context.scope() + "/ones", ones, ExportContext.dims(normalised)));
    }
    // Over all of an example's values from axis 1; a sequence's, [batch, L, d], over each position's.
    long axis = input.shape().length == 2 ? 2L : 1L;
    String output = graph.node(context.scope(), "LayerNormalization", inputs, Attributes.of("axis", axis),
        Attributes.of("epsilon", norm.eps()));
    return new Value(output, input.shape());
  }
}
