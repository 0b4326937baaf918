package dev.kiln.onnx;

import dev.kiln.runtime.graph.ActivationOp;
import java.util.List;

/**
 * Activations without parameters: an operator of their own where opset 17 has one; otherwise the exact
 * formula PyTorch computes, in operators (GELU, both forms; SiLU; Softplus with its {@code beta} and
 * {@code threshold}, above which it is the identity).
 */
final class ActivationExporter implements OperationExporter<ActivationOp> {
  @Override
  public Value export(ActivationOp activation, Value input, ExportContext context) {
    OnnxGraph graph = context.graph();
    String scope = context.scope();
    String x = input.name();
    String output = switch (activation.function()) {
      case RELU -> graph.node(scope, "Relu", List.of(x));
      case LEAKY_RELU -> graph.node(scope, "LeakyRelu", List.of(x), Attributes.of("alpha", activation.alpha()));
      case ELU -> graph.node(scope, "Elu", List.of(x), Attributes.of("alpha", activation.alpha()));
      case TANH -> graph.node(scope, "Tanh", List.of(x));
      case SIGMOID -> graph.node(scope, "Sigmoid", List.of(x));
      case SOFTMAX -> graph.node(scope, "Softmax", List.of(x), Attributes.of("axis", 1L));
      case LOG_SOFTMAX -> graph.node(scope, "LogSoftmax", List.of(x), Attributes.of("axis", 1L));
      case SILU -> graph.node(scope, "Mul", List.of(x, graph.node(scope, "Sigmoid", List.of(x))));
      case GELU -> gelu(graph, scope, x);
      case GELU_TANH -> geluTanh(graph, scope, x);
      case SOFTPLUS -> softplus(graph, scope, x, activation.beta(), activation.threshold());
    };
    return new Value(output, input.shape());
  }

  /** {@code x · ½ · (1 + erf(x / √2))}. */
  static String gelu(OnnxGraph graph, String scope, String x) {
    String erf = graph.node(scope, "Erf",
        List.of(graph.node(scope, "Div", List.of(x, graph.scalar(scope + "/sqrt_2", (float) Math.sqrt(2))))));
    return half(graph, scope, x, erf);
  }

  /** {@code ½ · x · (1 + tanh(√(2/π) · (x + 0.044715 · x³)))}. */
  private static String geluTanh(OnnxGraph graph, String scope, String x) {
    String cube = graph.node(scope, "Mul", List.of(x, graph.node(scope, "Mul", List.of(x, x))));
    String inner = graph.node(scope, "Add",
        List.of(x, graph.node(scope, "Mul", List.of(cube, graph.scalar(scope + "/c", 0.044715f)))));
    String tanh = graph.node(scope, "Tanh", List.of(graph.node(scope, "Mul",
        List.of(inner, graph.scalar(scope + "/sqrt_2_over_pi", (float) Math.sqrt(2 / Math.PI))))));
    return half(graph, scope, x, tanh);
  }

  /** {@code x · ½ · (1 + t)}. */
  private static String half(OnnxGraph graph, String scope, String x, String t) {
    String onePlus = graph.node(scope, "Add", List.of(t, graph.scalar(scope + "/one", 1f)));
    return graph.node(scope, "Mul", List.of(graph.node(scope, "Mul", List.of(x, onePlus)),
        graph.scalar(scope + "/half", 0.5f)));
  }

  /** {@code x} where {@code β·x > threshold}, else {@code ln(1 + e^(β·x)) / β}. */
  private static String softplus(OnnxGraph graph, String scope, String x, float beta, float threshold) {
    String scaled = beta == 1f ? x : graph.node(scope, "Mul", List.of(x, graph.scalar(scope + "/beta", beta)));
    String soft = graph.node(scope, "Softplus", List.of(scaled));
    if (beta != 1f) soft = graph.node(scope, "Div", List.of(soft, graph.scalar(scope + "/beta", beta)));
    String above = graph.node(scope, "Greater", List.of(scaled, graph.scalar(scope + "/threshold", threshold)));
    return graph.node(scope, "Where", List.of(above, x, soft));
  }
}
