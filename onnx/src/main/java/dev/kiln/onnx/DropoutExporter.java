package dev.kiln.onnx;

import dev.kiln.runtime.graph.DropoutOp;

/** {@code nn.Dropout}: left out, as it is the identity outside training. */
final class DropoutExporter implements OperationExporter<DropoutOp> {
  @Override
  public Value export(DropoutOp dropout, Value input, ExportContext context) {
    return input;
  }
}
