package dev.kiln.runtime.schedule;

/** Argument checks for the schedules. */
final class Schedules {
  private Schedules() {}

  static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " = " + value + " is invalid; expected a value >= 1");
    }
  }
}
