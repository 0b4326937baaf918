package dev.kiln.onnx;

import dev.kiln.runtime.graph.MaxPool2dOp;
import java.util.List;

/**
 * {@code nn.MaxPool2d} as {@code MaxPool}, its padding ignored by the maximum as PyTorch's is. Ceil
 * mode becomes extra padding at the end ({@link PoolWindow}); where that would reach a kernel's size,
 * which ONNX Runtime refuses, it is an explicit {@code Pad} with -∞.
 */
final class MaxPool2dExporter implements OperationExporter<MaxPool2dOp> {
  @Override
  public Value export(MaxPool2dOp pool, Value input, ExportContext context) {
    int[] shape = input.shape();
    PoolWindow rows = new PoolWindow(shape[1], pool.kernel(), pool.stride(), pool.padding(), pool.dilation(),
        pool.ceilMode());
    PoolWindow columns = new PoolWindow(shape[2], pool.kernel(), pool.stride(), pool.padding(), pool.dilation(),
        pool.ceilMode());
    OnnxGraph graph = context.graph();
    String x = input.name();
    long[] pads = {pool.padding(), pool.padding(), rows.endPadding(), columns.endPadding()};
    if (Math.max(pads[2], pads[3]) >= pool.kernel()) {
      x = graph.node(context.scope(), "Pad", List.of(x,
          graph.longs(context.scope() + "/pads", 0, 0, pads[0], pads[1], 0, 0, pads[2], pads[3]),
          graph.scalar(context.scope() + "/minus_infinity", Float.NEGATIVE_INFINITY)));
      pads = new long[4];
    }
    String output = graph.node(context.scope(), "MaxPool", List.of(x),
        Attributes.square("kernel_shape", pool.kernel()), Attributes.square("strides", pool.stride()),
        Attributes.ints("pads", pads), Attributes.square("dilations", pool.dilation()),
        Attributes.of("ceil_mode", 0L));
    return new Value(output, new int[] {shape[0], rows.outputSize(), columns.outputSize()});
  }
}
