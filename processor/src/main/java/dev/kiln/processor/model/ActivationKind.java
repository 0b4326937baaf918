package dev.kiln.processor.model;

import java.util.Arrays;
import java.util.Optional;

/** The activation annotations Kiln knows. */
public enum ActivationKind {
  RELU("ReLU", false, true),
  LEAKY_RELU("LeakyReLU", true, false),
  PRELU("PReLU", true, false),
  ELU("ELU", true, false),
  GELU("GELU", true, false),
  SILU("SiLU", true, false),
  SOFTPLUS("Softplus", true, true),
  TANH("Tanh", false, false),
  SIGMOID("Sigmoid", false, true),
  SOFTMAX("Softmax", false, true),
  LOG_SOFTMAX("LogSoftmax", false, false);

  private final String annotation;
  private final boolean needsInput;
  private final boolean nonNegative;

  ActivationKind(String annotation, boolean needsInput, boolean nonNegative) {
    this.annotation = annotation;
    this.needsInput = needsInput;
    this.nonNegative = nonNegative;
  }

  /** The annotation's simple name, as the user writes it: {@code Softmax} for {@code @Softmax}. */
  public String annotationName() {
    return annotation;
  }

  public String qualifiedName() {
    return "dev.kiln.dsl." + annotation;
  }

  /** Whether the gradient needs the activation's input, so that the trainer keeps it. */
  public boolean needsInput() {
    return needsInput;
  }

  /** Whether the activation's output is never negative. */
  public boolean nonNegative() {
    return nonNegative;
  }

  public static Optional<ActivationKind> forAnnotation(String qualifiedName) {
    return Arrays.stream(values()).filter(k -> k.qualifiedName().equals(qualifiedName)).findFirst();
  }
}
