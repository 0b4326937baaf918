package dev.kiln.dsl;

/** The training objectives, with PyTorch's semantics. */
public enum LossKind {
  /**
   * {@code nn.CrossEntropyLoss}: log-softmax and negative log-likelihood on logits. Takes class indices
   * or class probabilities as targets; options {@code weight}, {@code ignoreIndex}, {@code labelSmoothing}.
   */
  CROSS_ENTROPY,
  /** {@code nn.NLLLoss} on log-probabilities, class-index targets; options {@code weight}, {@code ignoreIndex}. */
  NLL,
  /** {@code nn.BCELoss} on probabilities, each log clamped at -100; option {@code weight} (per output). */
  BCE,
  /** {@code nn.BCEWithLogitsLoss} on logits, in the stable form; options {@code posWeight}, {@code weight}. */
  BCE_WITH_LOGITS,
  /** {@code nn.MSELoss}: squared error. */
  MSE,
  /** {@code nn.L1Loss}: absolute error. */
  L1,
  /** {@code nn.SmoothL1Loss}: quadratic below {@code beta}, linear above; {@code beta = 0} is L1. */
  SMOOTH_L1,
  /** {@code nn.HuberLoss}: quadratic below {@code delta}, linear above. */
  HUBER,
  /** torchvision's {@code sigmoid_focal_loss} on logits; options {@code alpha} (-1: no weighting), {@code gamma}. */
  FOCAL,
  /** {@code nn.KLDivLoss} on log-probabilities; option {@code logTarget}; use {@code Reduction.BATCHMEAN}. */
  KL_DIV
}
