package dev.kiln.dsl;

/** The training objectives, with PyTorch's semantics. */
public enum LossKind {
  /** {@code nn.CrossEntropyLoss}: log-softmax and negative log-likelihood on logits, class-index targets. */
  CROSS_ENTROPY,
  /** {@code nn.NLLLoss}: negative log-likelihood on log-probabilities, class-index targets. */
  NLL,
  /** {@code nn.BCELoss}: binary cross-entropy on probabilities, each log clamped at -100. */
  BCE,
  /** {@code nn.BCEWithLogitsLoss}: sigmoid and binary cross-entropy on logits, in the stable form. */
  BCE_WITH_LOGITS,
  /** {@code nn.MSELoss}: mean squared error. */
  MSE,
  /** {@code nn.L1Loss}: mean absolute error. */
  L1
}
