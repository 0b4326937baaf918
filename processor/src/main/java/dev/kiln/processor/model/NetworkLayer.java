package dev.kiln.processor.model;

import java.util.Locale;
import java.util.Optional;

/**
 * One resolved layer: a Linear with its sizes (and an optional activation after it), or an activation
 * standing alone, whose input and output sizes are the previous layer's output size.
 */
public record NetworkLayer(String name, boolean linear, int in, int out, boolean bias,
    Optional<ActivationKind> activation) {

  /** The prefix of the layer's constants in generated code: {@code hiddenLayer} gives {@code HIDDEN_LAYER}. */
  public String constantPrefix() {
    return constantPrefix(name);
  }

  public static String constantPrefix(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  public boolean hasParameters() {
    return linear;
  }

  public int parameterCount() {
    return linear ? out * in + (bias ? out : 0) : 0;
  }
}
