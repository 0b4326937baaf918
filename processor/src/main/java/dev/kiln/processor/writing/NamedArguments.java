package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;

/**
 * Arguments as generated code writes a constructor's many numbers: each after a comment that names it,
 * {@code new Conv2d(/* in *&#47; 1, /* height *&#47; 28, ...)}, wrapped at 100 columns, so that a
 * reader stepping into generated code does not count positions.
 */
final class NamedArguments {
  private NamedArguments() {}

  /** {@code names[i]} and {@code values[i]} alternately: name, value, name, value... */
  static CodeBlock of(Object... nameThenValue) {
    if (nameThenValue.length % 2 != 0) throw new IllegalArgumentException("a name without a value");
    CodeBlock.Builder arguments = CodeBlock.builder();
    for (int i = 0; i < nameThenValue.length; i += 2) {
      if (i > 0) arguments.add(",$W");
      arguments.add("/* $L */ $L", nameThenValue[i], nameThenValue[i + 1]);
    }
    return arguments.build();
  }
}
