package dev.kiln.runtime.schedule;

/** How a plateau schedule's threshold measures an improvement, as PyTorch's {@code threshold_mode}. */
public enum ThresholdMode {
  /** Relative: better than the best by a factor of {@code 1 ± threshold}. */
  REL,
  /** Absolute: better than the best by {@code threshold}. */
  ABS
}
