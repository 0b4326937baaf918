package dev.kiln.onnx;

import dev.kiln.runtime.graph.Conv2dOp;
import java.util.ArrayList;
import java.util.List;

/** {@code nn.Conv2d} as {@code Conv}, square kernel, the same padding on every side, one group. */
final class Conv2dExporter implements OperationExporter<Conv2dOp> {
  @Override
  public Value export(Conv2dOp conv, Value input, ExportContext context) {
    List<String> inputs = new ArrayList<>(List.of(input.name(), context.tensor(conv.weight())));
    if (conv.bias() != null) inputs.add(context.tensor(conv.bias()));
    String output = context.graph().node(context.scope(), "Conv", inputs,
        Attributes.square("kernel_shape", conv.kernel()), Attributes.square("strides", conv.stride()),
        Attributes.pads(conv.padding()), Attributes.square("dilations", conv.dilation()),
        Attributes.of("group", 1L));
    int[] shape = input.shape();
    return new Value(output, new int[] {conv.out(), outputSize(shape[1], conv), outputSize(shape[2], conv)});
  }

  private static int outputSize(int size, Conv2dOp conv) {
    return Math.floorDiv(size + 2 * conv.padding() - conv.dilation() * (conv.kernel() - 1) - 1, conv.stride()) + 1;
  }
}
