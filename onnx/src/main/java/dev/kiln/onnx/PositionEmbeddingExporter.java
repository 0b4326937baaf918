package dev.kiln.onnx;

import dev.kiln.runtime.graph.PositionEmbeddingOp;
import java.util.List;

/** The position table added to each sequence: {@code Add(x, weight)}, [batch, L, d] + [L, d] broadcast. */
final class PositionEmbeddingExporter implements OperationExporter<PositionEmbeddingOp> {
  @Override
  public Value export(PositionEmbeddingOp positions, Value input, ExportContext context) {
    String output = context.graph().node(context.scope(), "Add",
        List.of(input.name(), context.tensor(positions.weight())));
    return new Value(output, input.shape());
  }
}
