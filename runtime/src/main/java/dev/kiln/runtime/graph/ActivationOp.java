package dev.kiln.runtime.graph;

/**
 * An activation without parameters. {@code alpha} is LeakyReLU's negative slope or ELU's alpha;
 * {@code beta} and {@code threshold} are Softplus's; the others ignore them. Softmax and LogSoftmax act
 * over each example's features.
 */
public record ActivationOp(Function function, float alpha, float beta, float threshold) implements Operation {
  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.activation(this);
  }

  /** The functions, as PyTorch's modules name them. */
  public enum Function {
    RELU, LEAKY_RELU, ELU, GELU, GELU_TANH, SILU, SOFTPLUS, TANH, SIGMOID, SOFTMAX, LOG_SOFTMAX
  }

  /** A function without options. */
  public static ActivationOp of(Function function) {
    return new ActivationOp(function, 0f, 0f, 0f);
  }

  public static ActivationOp leakyRelu(float negativeSlope) {
    return new ActivationOp(Function.LEAKY_RELU, negativeSlope, 0f, 0f);
  }

  public static ActivationOp elu(float alpha) {
    return new ActivationOp(Function.ELU, alpha, 0f, 0f);
  }

  public static ActivationOp softplus(float beta, float threshold) {
    return new ActivationOp(Function.SOFTPLUS, 0f, beta, threshold);
  }
}
