package dev.kiln.onnx;

import dev.kiln.runtime.graph.PReluOp;
import java.util.List;

/**
 * {@code nn.PReLU} as {@code PRelu}. On feature maps the slopes, one per channel, are reshaped to
 * [C, 1, 1] so that they broadcast over H and W, as they do in PyTorch.
 */
final class PReluExporter implements OperationExporter<PReluOp> {
  @Override
  public Value export(PReluOp prelu, Value input, ExportContext context) {
    OnnxGraph graph = context.graph();
    String slopes = context.tensor(prelu.weight());
    if (input.maps() && prelu.slopes() > 1) {
      slopes = graph.node(context.scope(), "Reshape", List.of(slopes,
          graph.longs(context.scope() + "/slope_shape", prelu.slopes(), 1, 1)));
    }
    String output = graph.node(context.scope(), "PRelu", List.of(input.name(), slopes));
    return new Value(output, input.shape());
  }
}
