package dev.kiln.onnx;

import dev.kiln.runtime.graph.SequencePoolOp;
import java.util.List;

/**
 * A sequence pooled to a vector: {@code FIRST} as {@code Gather(x, 0, axis = 1)}; {@code MEAN} as the sum
 * over the positions that are not padding divided by their count; {@code MAX} as {@code ReduceMax} over the
 * positions, padding replaced by {@code -inf} first.
 */
final class SequencePoolExporter implements OperationExporter<SequencePoolOp> {
  @Override
  public Value export(SequencePoolOp pool, Value input, ExportContext context) {
    OnnxGraph graph = context.graph();
    String scope = context.scope();
    String x = input.name();
    String output;
    if (pool.mode().equals("FIRST")) {
      output = graph.node(scope, "Gather", List.of(x, graph.scalarLong(scope + "/first", 0)),
          Attributes.of("axis", 1L));
    } else if (!pool.padded()) {
      output = pool.mode().equals("MEAN")
          ? graph.node(scope, "ReduceMean", List.of(x), Attributes.ints("axes", 1),
              Attributes.of("keepdims", 0L))
          : graph.node(scope, "ReduceMax", List.of(x), Attributes.ints("axes", 1),
              Attributes.of("keepdims", 0L));
    } else {
      // [batch, L] padding → [batch, L, 1], to broadcast over each position's values.
      String padding = graph.node(scope, "Unsqueeze", List.of(context.padding(), graph.longs(scope + "/axis", 2)));
      if (pool.mode().equals("MEAN")) {
        String keep = graph.node(scope, "Cast", List.of(graph.node(scope, "Not", List.of(padding))),
            Attributes.of("to", 1L));
        String axes = graph.longs(scope + "/positions", 1);
        String sum = graph.node(scope, "ReduceSum", List.of(graph.node(scope, "Mul", List.of(x, keep)), axes),
            Attributes.of("keepdims", 0L));
        output = graph.node(scope, "Div", List.of(sum, graph.node(scope, "ReduceSum", List.of(keep, axes),
            Attributes.of("keepdims", 0L))));
      } else {
        String masked = graph.node(scope, "Where", List.of(padding,
            graph.scalar(scope + "/minus_infinity", Float.NEGATIVE_INFINITY), x));
        output = graph.node(scope, "ReduceMax", List.of(masked), Attributes.ints("axes", 1),
            Attributes.of("keepdims", 0L));
      }
    }
    return new Value(output, new int[] {pool.dim()});
  }
}
