package dev.kiln.runtime.loss;

import dev.kiln.dsl.Reduction;

/** Checks on loss options, shared by the losses' constructors. */
final class Options {
  private Options() {}

  static Reduction elementwise(Reduction reduction, String loss) {
    if (reduction == Reduction.BATCHMEAN) {
      throw new IllegalArgumentException("reduction BATCHMEAN is for KL_DIV only; " + loss + " takes MEAN or SUM");
    }
    return reduction;
  }

  static float atLeast(String name, float value, float min) {
    if (!(value >= min) || Float.isInfinite(value)) {
      throw new IllegalArgumentException(name + " = " + value + " is invalid; expected a finite value >= " + min);
    }
    return value;
  }

  static float[] copy(float[] values) {
    return values == null || values.length == 0 ? null : values.clone();
  }

  /** The scale that turns an element-wise sum into the reduction: 1/n, 1, or 1/rows. */
  static double scale(Reduction reduction, int n, int rows) {
    return switch (reduction) {
      case MEAN -> 1.0 / n;
      case SUM -> 1.0;
      case BATCHMEAN -> 1.0 / rows;
    };
  }
}
