package dev.kiln.processor.model;

/**
 * The values a kind's output can take. Rules about the whole network (which activation suits which
 * loss) read this instead of naming activations.
 */
public enum OutputRange {
  /** Any real number, or bounded on one side only with values on both sides of 0 (GELU, ELU). */
  ANY,
  /** [0, ∞), 0 included (ReLU). */
  NON_NEGATIVE,
  /** (0, ∞) (Softplus). */
  POSITIVE,
  /** (0, 1) for each value on its own (Sigmoid). */
  PROBABILITY,
  /** (-1, 1) (Tanh). */
  SYMMETRIC_UNIT,
  /** Each row in (0, 1), summing to 1 (Softmax). */
  DISTRIBUTION,
  /** Each row the logarithm of a distribution (LogSoftmax). */
  LOG_PROBABILITY;

  /** Whether the output is normalised over each row, and so meaningless for a single value. */
  public boolean normalisesRows() {
    return this == DISTRIBUTION || this == LOG_PROBABILITY;
  }
}
