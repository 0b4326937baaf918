package dev.kiln.onnx;

import dev.kiln.runtime.graph.LinearOp;
import java.util.ArrayList;
import java.util.List;

/** {@code nn.Linear} as {@code Gemm(x, weight, bias, transB = 1)}, as PyTorch exports it. */
final class LinearExporter implements OperationExporter<LinearOp> {
  @Override
  public Value export(LinearOp linear, Value input, ExportContext context) {
    if (input.shape().length == 2) {
      // A sequence [batch, L, d]: Gemm takes matrices only, so the product of each position is a MatMul.
      String output = SelfAttentionExporter.affine(context.graph(), context.scope(), input.name(),
          context.tensor(linear.weight()), linear.bias() == null ? null : context.tensor(linear.bias()));
      return new Value(output, new int[] {input.shape()[0], linear.out()});
    }
    List<String> inputs = new ArrayList<>(List.of(input.name(), context.tensor(linear.weight())));
    if (linear.bias() != null) inputs.add(context.tensor(linear.bias()));
    String output = context.graph().node(context.scope(), "Gemm", inputs, Attributes.of("transB", 1L));
    return new Value(output, new int[] {linear.out()});
  }
}
