package dev.kiln.processor.model;

/** The activations without parameters, each with what rules and writers need to know of it. */
public enum ActivationFunction {
  RELU(OutputRange.NON_NEGATIVE, false),
  LEAKY_RELU(OutputRange.ANY, true),
  ELU(OutputRange.ANY, true),
  GELU(OutputRange.ANY, true),
  SILU(OutputRange.ANY, true),
  SOFTPLUS(OutputRange.POSITIVE, true),
  TANH(OutputRange.SYMMETRIC_UNIT, false),
  SIGMOID(OutputRange.PROBABILITY, false),
  SOFTMAX(OutputRange.DISTRIBUTION, false),
  LOG_SOFTMAX(OutputRange.LOG_PROBABILITY, false);

  private final OutputRange range;
  private final boolean needsInput;

  ActivationFunction(OutputRange range, boolean needsInput) {
    this.range = range;
    this.needsInput = needsInput;
  }

  public OutputRange range() {
    return range;
  }

  /** Whether the gradient needs the activation's input; the others need only its output. */
  public boolean needsInput() {
    return needsInput;
  }

  /** Whether it acts on each value alone, so that any layout of a batch suits it. */
  public boolean elementwise() {
    return !range.normalisesRows();
  }
}
