package dev.kiln.onnx;

import dev.kiln.runtime.graph.FlattenOp;
import java.util.List;

/** {@code nn.Flatten} as {@code Flatten(axis = 1)}: [batch, C, H, W] to [batch, C·H·W]. */
final class FlattenExporter implements OperationExporter<FlattenOp> {
  @Override
  public Value export(FlattenOp flatten, Value input, ExportContext context) {
    String output = context.graph().node(context.scope(), "Flatten", List.of(input.name()), Attributes.of("axis", 1L));
    return new Value(output, new int[] {input.size()});
  }
}
