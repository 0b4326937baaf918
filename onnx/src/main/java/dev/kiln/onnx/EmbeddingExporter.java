package dev.kiln.onnx;

import dev.kiln.runtime.graph.EmbeddingOp;
import java.util.List;

/**
 * {@code nn.Embedding} as {@code Gather(weight, tokens, axis = 0)}, as PyTorch exports it; with a padding
 * index, also {@code Equal(tokens, paddingIndex)}, the padding positions that attention and pooling read.
 */
final class EmbeddingExporter implements OperationExporter<EmbeddingOp> {
  @Override
  public Value export(EmbeddingOp embedding, Value input, ExportContext context) {
    OnnxGraph graph = context.graph();
    String scope = context.scope();
    if (embedding.paddingIndex() >= 0) {
      context.padding(graph.node(scope, "Equal", List.of(input.name(),
          graph.longs(scope + "/padding_index", embedding.paddingIndex()))));
    }
    String output = graph.node(scope, "Gather", List.of(context.tensor(embedding.weight()), input.name()),
        Attributes.of("axis", 0L));
    return new Value(output, new int[] {input.shape()[0], embedding.dim()});
  }
}
