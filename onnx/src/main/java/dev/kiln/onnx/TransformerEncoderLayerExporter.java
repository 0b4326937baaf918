package dev.kiln.onnx;

import dev.kiln.runtime.graph.TransformerEncoderLayerOp;
import java.util.List;

/**
 * {@code nn.TransformerEncoderLayer}: its attention as {@link SelfAttentionExporter} writes it, the two
 * residual additions, {@code LayerNormalization} over the last axis before (norm first) or after them,
 * and the feed-forward block of two MatMuls around ReLU or the exact GELU.
 */
final class TransformerEncoderLayerExporter implements OperationExporter<TransformerEncoderLayerOp> {
  @Override
  public Value export(TransformerEncoderLayerOp encoder, Value input, ExportContext context) {
    OnnxGraph graph = context.graph();
    String scope = context.scope();
    String x = input.name();
    String output;
    if (encoder.normFirst()) {
      String first = graph.node(scope, "Add", List.of(x,
          SelfAttentionExporter.attend(encoder.attention(), norm(encoder, "norm1", x, context), context)));
      output = graph.node(scope, "Add", List.of(first, feedForward(encoder, norm(encoder, "norm2", first, context),
          context)));
    } else {
      String first = norm(encoder, "norm1", graph.node(scope, "Add", List.of(x,
          SelfAttentionExporter.attend(encoder.attention(), x, context))), context);
      output = norm(encoder, "norm2", graph.node(scope, "Add", List.of(first, feedForward(encoder, first, context))),
          context);
    }
    return new Value(output, input.shape());
  }

  private static String norm(TransformerEncoderLayerOp encoder, String name, String x, ExportContext context) {
    return context.graph().node(context.scope(), "LayerNormalization", List.of(x,
        context.tensor(encoder.prefix() + name + ".weight"), context.tensor(encoder.prefix() + name + ".bias")),
        Attributes.of("axis", -1L), Attributes.of("epsilon", encoder.eps()));
  }

  private static String feedForward(TransformerEncoderLayerOp encoder, String x, ExportContext context) {
    OnnxGraph graph = context.graph();
    String scope = context.scope();
    String prefix = encoder.prefix();
    String hidden = SelfAttentionExporter.affine(graph, scope, x, context.tensor(prefix + "linear1.weight"),
        context.tensor(prefix + "linear1.bias"));
    String activated = encoder.gelu() ? ActivationExporter.gelu(graph, scope, hidden)
        : graph.node(scope, "Relu", List.of(hidden));
    return SelfAttentionExporter.affine(graph, scope, activated, context.tensor(prefix + "linear2.weight"),
        context.tensor(prefix + "linear2.bias"));
  }
}
