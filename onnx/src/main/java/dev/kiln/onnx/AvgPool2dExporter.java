package dev.kiln.onnx;

import dev.kiln.runtime.graph.AvgPool2dOp;
import java.util.List;

/**
 * {@code nn.AvgPool2d} as {@code AveragePool}, {@code count_include_pad} always written (ONNX's default,
 * 0, is not PyTorch's). PyTorch counts the declared padding but not the windows' run past it in ceil
 * mode; where both happen, the padding is an explicit {@code Pad} of zeros that the pool then counts as
 * input, and the run past it is padding the pool does not count.
 */
final class AvgPool2dExporter implements OperationExporter<AvgPool2dOp> {
  @Override
  public Value export(AvgPool2dOp pool, Value input, ExportContext context) {
    int[] shape = input.shape();
    PoolWindow rows = new PoolWindow(shape[1], pool.kernel(), pool.stride(), pool.padding(), 1, pool.ceilMode());
    PoolWindow columns = new PoolWindow(shape[2], pool.kernel(), pool.stride(), pool.padding(), 1, pool.ceilMode());
    OnnxGraph graph = context.graph();
    String x = input.name();
    int p = pool.padding();
    long[] pads = {p, p, rows.endPadding(), columns.endPadding()};
    boolean countPadding = pool.countIncludePad();
    if (countPadding && (rows.extended() || columns.extended())) {
      if (p > 0) {
        x = graph.node(context.scope(), "Pad", List.of(x, graph.longs(context.scope() + "/pads", 0, 0, p, p, 0, 0, p, p)));
        pads = new long[] {0, 0, pads[2] - p, pads[3] - p};
      }
      countPadding = false;
    }
    String output = graph.node(context.scope(), "AveragePool", List.of(x),
        Attributes.square("kernel_shape", pool.kernel()), Attributes.square("strides", pool.stride()),
        Attributes.ints("pads", pads), Attributes.of("count_include_pad", countPadding ? 1L : 0L),
        Attributes.of("ceil_mode", 0L));
    return new Value(output, new int[] {shape[0], rows.outputSize(), columns.outputSize()});
  }
}
