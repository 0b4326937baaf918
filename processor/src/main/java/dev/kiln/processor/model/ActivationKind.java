package dev.kiln.processor.model;

import java.util.Arrays;
import java.util.Optional;

/** The activation annotations Kiln knows, each with the runtime {@code Activation} constant it becomes. */
public enum ActivationKind {
  RELU("ReLU"),
  TANH("Tanh"),
  SIGMOID("Sigmoid"),
  SOFTMAX("Softmax"),
  LOG_SOFTMAX("LogSoftmax");

  private final String annotation;

  ActivationKind(String annotation) {
    this.annotation = annotation;
  }

  /** The annotation's simple name, as the user writes it: {@code Softmax} for {@code @Softmax}. */
  public String annotationName() {
    return annotation;
  }

  public String qualifiedName() {
    return "dev.kiln.dsl." + annotation;
  }

  /** The name of the {@code dev.kiln.runtime.Activation} constant. */
  public String runtimeConstant() {
    return name();
  }

  public static Optional<ActivationKind> forAnnotation(String qualifiedName) {
    return Arrays.stream(values()).filter(k -> k.qualifiedName().equals(qualifiedName)).findFirst();
  }
}
