package dev.kiln.onnx;

import dev.kiln.runtime.graph.ResidualAddOp;
import java.util.List;

/** A residual join as {@code Add(block input, block output)}. */
final class ResidualAddExporter implements OperationExporter<ResidualAddOp> {
  @Override
  public Value export(ResidualAddOp residual, Value input, ExportContext context) {
    Value skip = context.inputOf(residual.from());
    String output = context.graph().node(context.scope(), "Add", List.of(skip.name(), input.name()));
    return new Value(output, input.shape());
  }
}
