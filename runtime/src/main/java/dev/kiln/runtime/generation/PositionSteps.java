package dev.kiln.runtime.generation;

import dev.kiln.runtime.activation.Activation;
import dev.kiln.runtime.graph.ActivationOp;
import dev.kiln.runtime.graph.AvgPool2dOp;
import dev.kiln.runtime.graph.BatchNormOp;
import dev.kiln.runtime.graph.Conv2dOp;
import dev.kiln.runtime.graph.DropoutOp;
import dev.kiln.runtime.graph.EmbeddingOp;
import dev.kiln.runtime.graph.FlattenOp;
import dev.kiln.runtime.graph.LayerNormOp;
import dev.kiln.runtime.graph.LinearOp;
import dev.kiln.runtime.graph.MaxPool2dOp;
import dev.kiln.runtime.graph.Operation;
import dev.kiln.runtime.graph.OperationVisitor;
import dev.kiln.runtime.graph.PReluOp;
import dev.kiln.runtime.graph.PositionEmbeddingOp;
import dev.kiln.runtime.graph.ResidualAddOp;
import dev.kiln.runtime.graph.SelfAttentionOp;
import dev.kiln.runtime.graph.SequencePoolOp;
import dev.kiln.runtime.graph.TransformerEncoderLayerOp;
import dev.kiln.runtime.kernel.LinearKernels;
import dev.kiln.runtime.norm.LayerNorm;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a member's operations, as exporters read them, into steps that compute one position: what a
 * causal model is made of (products and norms on each position, elementwise functions, residual joins,
 * learned positions, causal attention) has one; the rest (pooling over positions, convolutions,
 * non-causal attention, which reads later positions) is refused with the operation named.
 */
final class PositionSteps implements OperationVisitor<PositionStep> {
  private final Map<String, Integer> offsets;
  /** The input of each member seen so far, by name, as residual joins read them. */
  private final Function<String, float[]> inputOf;
  private final int length;
  private final LinearKernels kernels;
  /** Values per position flowing into the operation being built. */
  private int width;

  PositionSteps(Map<String, Integer> offsets, Function<String, float[]> inputOf, int length, int width,
      LinearKernels kernels) {
    this.offsets = offsets;
    this.inputOf = inputOf;
    this.length = length;
    this.width = width;
    this.kernels = kernels;
  }

  /** The step of {@code op}, whose input has the width of the last step built. */
  PositionStep step(Operation op) {
    PositionStep step = op.accept(this);
    width = step.width();
    return step;
  }

  private int offset(String tensor) {
    if (tensor == null) return LinearKernels.NO_BIAS;
    Integer at = offsets.get(tensor);
    if (at == null) throw new IllegalStateException("the model has no parameter " + tensor);
    return at;
  }

  private static IllegalArgumentException cannot(String what) {
    return new IllegalArgumentException("cannot generate one position at a time through " + what);
  }

  @Override
  public PositionStep linear(LinearOp op) {
    int w = offset(op.weight());
    int b = offset(op.bias());
    return stateless(op.out(), (p, x, y, t, n, padding) ->
        kernels.linearForward(x, p, w, b, y, y, n, op.in(), op.out(), Activation.IDENTITY));
  }

  @Override
  public PositionStep layerNorm(LayerNormOp op) {
    LayerNorm norm = new LayerNorm(width, op.eps());
    int w = op.weight() == null ? -1 : offset(op.weight());
    int b = op.bias() == null ? -1 : offset(op.bias());
    return stateless(width, (p, x, y, t, n, padding) -> norm.forward(x, y, y, n, Activation.IDENTITY, p, w, b));
  }

  @Override
  public PositionStep activation(ActivationOp op) {
    Activation activation = switch (op.function()) {
      case RELU -> Activation.RELU;
      case LEAKY_RELU -> Activation.leakyRelu(op.alpha());
      case ELU -> Activation.elu(op.alpha());
      case GELU -> Activation.gelu();
      case GELU_TANH -> Activation.geluTanh();
      case SILU -> Activation.SILU;
      case SOFTPLUS -> Activation.softplus(op.beta(), op.threshold());
      case TANH -> Activation.TANH;
      case SIGMOID -> Activation.SIGMOID;
      case SOFTMAX -> Activation.SOFTMAX;
      case LOG_SOFTMAX -> Activation.LOG_SOFTMAX;
    };
    int values = width;
    return stateless(values, (p, x, y, t, n, padding) -> activation.forward(x, y, n, values));
  }

  @Override
  public PositionStep dropout(DropoutOp op) {
    int values = width;
    return stateless(values, (p, x, y, t, n, padding) -> System.arraycopy(x, 0, y, 0, n * values));
  }

  @Override
  public PositionStep residualAdd(ResidualAddOp op) {
    int values = width;
    return stateless(values, (p, x, y, t, n, padding) -> {
      float[] skip = inputOf.apply(op.from());
      for (int i = 0; i < n * values; i++) y[i] = skip[i] + x[i];
    });
  }

  @Override
  public PositionStep positionEmbedding(PositionEmbeddingOp op) {
    int table = offset(op.weight());
    int dim = op.dim();
    return stateless(dim, (p, x, y, t, n, padding) -> {
      for (int i = 0; i < n * dim; i++) y[i] = x[i] + p[table + t * dim + i];
    });
  }

  @Override
  public PositionStep selfAttention(SelfAttentionOp op) {
    if (!op.causal()) throw cannot("non-causal attention, which reads later positions");
    return attention(op);
  }

  private CachedAttention attention(SelfAttentionOp op) {
    return new CachedAttention(length, op.dim(), op.heads(), offset(op.inProjWeight()), offset(op.inProjBias()),
        offset(op.outProjWeight()), offset(op.outProjBias()), kernels);
  }

  @Override
  public PositionStep transformerEncoderLayer(TransformerEncoderLayerOp op) {
    if (!op.attention().causal()) throw cannot("a non-causal encoder layer, which reads later positions");
    String at = op.prefix();
    CachedEncoderLayer.Offsets offsets = new CachedEncoderLayer.Offsets(offset(at + "linear1.weight"),
        offset(at + "linear1.bias"), offset(at + "linear2.weight"), offset(at + "linear2.bias"),
        offset(at + "norm1.weight"), offset(at + "norm1.bias"), offset(at + "norm2.weight"),
        offset(at + "norm2.bias"));
    return new CachedEncoderLayer(length, op.attention().dim(), op.feedforward(), op.normFirst(), op.gelu(), op.eps(),
        offsets, attention(op.attention()), kernels);
  }

  @Override
  public PositionStep embedding(EmbeddingOp op) {
    throw cannot("an embedding after the first member");
  }

  @Override
  public PositionStep sequencePool(SequencePoolOp op) {
    throw cannot("a pool over positions");
  }

  @Override
  public PositionStep conv2d(Conv2dOp op) {
    throw cannot("a convolution");
  }

  @Override
  public PositionStep maxPool2d(MaxPool2dOp op) {
    throw cannot("a pool");
  }

  @Override
  public PositionStep avgPool2d(AvgPool2dOp op) {
    throw cannot("a pool");
  }

  @Override
  public PositionStep flatten(FlattenOp op) {
    throw cannot("a flatten over positions");
  }

  @Override
  public PositionStep batchNorm(BatchNormOp op) {
    throw cannot("a batch norm");
  }

  @Override
  public PositionStep prelu(PReluOp op) {
    throw cannot("a PReLU");
  }

  /** A step that keeps nothing between positions. */
  private static PositionStep stateless(int width, Body body) {
    return new PositionStep() {
      @Override
      public void forward(float[] p, float[] x, float[] y, int t, int n, boolean[] padding) {
        body.forward(p, x, y, t, n, padding);
      }

      @Override
      public int width() {
        return width;
      }
    };
  }

  private interface Body {
    void forward(float[] p, float[] x, float[] y, int t, int n, boolean[] padding);
  }
}
