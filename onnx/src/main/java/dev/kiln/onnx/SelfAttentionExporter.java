package dev.kiln.onnx;

import dev.kiln.runtime.graph.SelfAttentionOp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code nn.MultiheadAttention} as self-attention in opset 17's operators, which have no attention of their
 * own: one MatMul projects [batch, L, d] to queries, keys and values, Slice and Reshape and Transpose give
 * each head its [L, d/h], the queries are divided by √(d/h) as PyTorch divides them, the scores get the
 * padding mask ({@code -inf} where a key is padding) and the causal mask, Softmax over the keys, MatMul with
 * the values, and the heads are joined and projected back.
 */
final class SelfAttentionExporter implements OperationExporter<SelfAttentionOp> {
  @Override
  public Value export(SelfAttentionOp attention, Value input, ExportContext context) {
    return new Value(attend(attention, input.name(), context), input.shape());
  }

  /** The attention's output for {@code x}, [batch, L, d]. */
  static String attend(SelfAttentionOp op, String x, ExportContext context) {
    OnnxGraph graph = context.graph();
    String scope = context.scope();
    int d = op.dim();
    int heads = op.heads();
    int headDim = d / heads;
    String qkv = affine(graph, scope, x, context.tensor(op.inProjWeight()),
        op.inProjBias() == null ? null : context.tensor(op.inProjBias()));
    String q = heads(graph, scope, slice(graph, scope, qkv, 0, d), op, new long[] {0, 2, 1, 3});
    String k = heads(graph, scope, slice(graph, scope, qkv, d, 2 * d), op, new long[] {0, 2, 3, 1});
    String v = heads(graph, scope, slice(graph, scope, qkv, 2 * d, 3 * d), op, new long[] {0, 2, 1, 3});
    String scaled = graph.node(scope, "Div", List.of(q, graph.scalar(scope + "/sqrt_head_dim",
        (float) Math.sqrt(headDim))));
    String scores = graph.node(scope, "MatMul", List.of(scaled, k));
    if (op.padded()) {
      // [batch, L] padding → [batch, 1, 1, L]: -inf where the key is padding, 0 elsewhere.
      String mask = graph.node(scope, "Where", List.of(context.padding(),
          graph.scalar(scope + "/minus_infinity", Float.NEGATIVE_INFINITY), graph.scalar(scope + "/zero", 0f)));
      mask = graph.node(scope, "Unsqueeze", List.of(mask, graph.longs(scope + "/key_axes", 1, 2)));
      scores = graph.node(scope, "Add", List.of(scores, mask));
    }
    if (op.causal()) {
      int length = op.length();
      float[] causal = new float[length * length];
      for (int i = 0; i < length; i++) {
        for (int j = i + 1; j < length; j++) causal[i * length + j] = Float.NEGATIVE_INFINITY;
      }
      scores = graph.node(scope, "Add", List.of(scores, graph.constant(scope + "/causal_mask", causal, length,
          length)));
    }
    String probabilities = graph.node(scope, "Softmax", List.of(scores), Attributes.of("axis", -1L));
    String context_ = graph.node(scope, "MatMul", List.of(probabilities, v));
    String joined = graph.node(scope, "Transpose", List.of(context_), Attributes.ints("perm", 0, 2, 1, 3));
    joined = graph.node(scope, "Reshape", List.of(joined, graph.longs(scope + "/joined_shape", 0, op.length(), d)));
    return affine(graph, scope, joined, context.tensor(op.outProjWeight()),
        op.outProjBias() == null ? null : context.tensor(op.outProjBias()));
  }

  /** {@code x · weightᵀ + bias} on the last axis of [batch, L, in]; no bias when {@code bias} is null. */
  static String affine(OnnxGraph graph, String scope, String x, String weight, String bias) {
    String transposed = graph.node(scope, "Transpose", List.of(weight), Attributes.ints("perm", 1, 0));
    String product = graph.node(scope, "MatMul", List.of(x, transposed));
    return bias == null ? product : graph.node(scope, "Add", List.of(product, bias));
  }

  private static String slice(OnnxGraph graph, String scope, String x, long from, long to) {
    return graph.node(scope, "Slice", List.of(x, graph.longs(scope + "/from", from), graph.longs(scope + "/to", to),
        graph.longs(scope + "/axis", 2)));
  }

  /** [batch, L, d] to the heads, [batch, h, L, d/h] (or keys as [batch, h, d/h, L]), by {@code perm}. */
  private static String heads(OnnxGraph graph, String scope, String x, SelfAttentionOp op, long[] perm) {
    String split = graph.node(scope, "Reshape", List.of(x, graph.longs(scope + "/heads_shape", 0, op.length(),
        op.heads(), op.dim() / op.heads())));
    return graph.node(scope, "Transpose", List.of(split), Attributes.ints("perm", perm));
  }
}
