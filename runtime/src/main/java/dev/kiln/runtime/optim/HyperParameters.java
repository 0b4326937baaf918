package dev.kiln.runtime.optim;

/** Range checks shared by the optimizers' withers, with messages naming the value and the range. */
final class HyperParameters {
  private HyperParameters() {}

  static float nonNegative(String name, float value) {
    if (!(value >= 0f) || Float.isInfinite(value)) {
      throw new IllegalArgumentException(name + " = " + value + " is invalid; expected a finite value >= 0");
    }
    return value;
  }

  static float inUnitInterval(String name, float value) {
    if (!(value >= 0f && value < 1f)) {
      throw new IllegalArgumentException(name + " = " + value + " is invalid; expected a value in [0, 1)");
    }
    return value;
  }

  static float positive(String name, float value) {
    if (!(value > 0f) || Float.isInfinite(value)) {
      throw new IllegalArgumentException(name + " = " + value + " is invalid; expected a finite value > 0");
    }
    return value;
  }
}
