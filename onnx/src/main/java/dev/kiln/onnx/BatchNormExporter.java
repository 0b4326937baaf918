package dev.kiln.onnx;

import dev.kiln.runtime.graph.BatchNormOp;
import java.util.Arrays;
import java.util.List;

/**
 * Batch normalization in eval mode. With running statistics it is {@code BatchNormalization} (ones and
 * zeros stand in for an absent affine weight and bias); without them PyTorch normalises with the
 * batch's own mean and biased variance even in eval mode, and so does the export, in plain operators.
 */
final class BatchNormExporter implements OperationExporter<BatchNormOp> {
  @Override
  public Value export(BatchNormOp norm, Value input, ExportContext context) {
    String output = norm.trackRunningStats() ? withRunningStatistics(norm, input, context)
        : withBatchStatistics(norm, input, context);
    return new Value(output, input.shape());
  }

  private static String withRunningStatistics(BatchNormOp norm, Value input, ExportContext context) {
    OnnxGraph graph = context.graph();
    String scope = context.scope();
    String scale = norm.weight() != null ? context.tensor(norm.weight()) : ones(graph, scope, norm.channels());
    String bias = norm.bias() != null ? context.tensor(norm.bias())
        : graph.constant(scope + "/zeros", new float[norm.channels()], norm.channels());
    return graph.node(scope, "BatchNormalization", List.of(input.name(), scale, bias,
        context.tensor(norm.runningMean()), context.tensor(norm.runningVar())), Attributes.of("epsilon", norm.eps()));
  }

  private static String withBatchStatistics(BatchNormOp norm, Value input, ExportContext context) {
    OnnxGraph graph = context.graph();
    String scope = context.scope();
    long[] axes = input.maps() ? new long[] {0, 2, 3} : new long[] {0};
    String mean = graph.node(scope, "ReduceMean", List.of(input.name()), Attributes.ints("axes", axes),
        Attributes.of("keepdims", 1L));
    String centred = graph.node(scope, "Sub", List.of(input.name(), mean));
    String variance = graph.node(scope, "ReduceMean", List.of(graph.node(scope, "Mul", List.of(centred, centred))),
        Attributes.ints("axes", axes), Attributes.of("keepdims", 1L));
    String deviation = graph.node(scope, "Sqrt",
        List.of(graph.node(scope, "Add", List.of(variance, graph.scalar(scope + "/eps", norm.eps())))));
    String y = graph.node(scope, "Div", List.of(centred, deviation));
    if (norm.weight() == null) return y;
    return graph.node(scope, "Add", List.of(graph.node(scope, "Mul", List.of(y, perChannel(norm.weight(), input, context))),
        perChannel(norm.bias(), input, context)));
  }

  /** A per-channel tensor shaped to broadcast against the input: [C, 1, 1] for feature maps. */
  private static String perChannel(String tensor, Value input, ExportContext context) {
    String name = context.tensor(tensor);
    if (!input.maps()) return name;
    return context.graph().node(context.scope(), "Reshape",
        List.of(name, context.graph().longs(context.scope() + "/channel_shape", input.shape()[0], 1, 1)));
  }

  private static String ones(OnnxGraph graph, String scope, int channels) {
    float[] ones = new float[channels];
    Arrays.fill(ones, 1f);
    return graph.constant(scope + "/ones", ones, channels);
  }
}
