package dev.kiln.processor.writing;

import java.util.StringJoiner;

/** Java source for float values, as short as round-tripping allows: {@code 0.1f}, {@code 1.0E-4f}. */
final class Literals {
  private Literals() {}

  static String of(float value) {
    return Float.toString(value) + "f";
  }

  static String of(float[] values) {
    StringJoiner joiner = new StringJoiner(", ");
    for (float v : values) joiner.add(of(v));
    return joiner.toString();
  }
}
