package dev.kiln.onnx;

import dev.kiln.runtime.graph.LinearOp;
import java.util.ArrayList;
import java.util.List;

/** {@code nn.Linear} as {@code Gemm(x, weight, bias, transB = 1)}, as PyTorch exports it. */
final class LinearExporter implements OperationExporter<LinearOp> {
  @Override
  public Value export(LinearOp linear, Value input, ExportContext context) {
    List<String> inputs = new ArrayList<>(List.of(input.name(), context.tensor(linear.weight())));
    if (linear.bias() != null) inputs.add(context.tensor(linear.bias()));
    String output = context.graph().node(context.scope(), "Gemm", inputs, Attributes.of("transB", 1L));
    return new Value(output, new int[] {linear.out()});
  }
}
