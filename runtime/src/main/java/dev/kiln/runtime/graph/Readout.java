package dev.kiln.runtime.graph;

/** How a model's {@code probabilities(x)} follows from its {@code forward(x)}, as its loss implies. */
public enum Readout {
  /** A regression loss: the model has no {@code probabilities}. */
  NONE,
  /** Cross-entropy: the softmax of each row's logits. */
  SOFTMAX,
  /** NLL and KL divergence: e to each log-probability. */
  EXP,
  /** BCE with logits and focal loss: the sigmoid of each logit. */
  SIGMOID,
  /** BCE: the network's output is already a probability. */
  IDENTITY
}
