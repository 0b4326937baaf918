package dev.kiln.processor.model;

import java.util.Locale;
import java.util.Optional;

/**
 * One resolved layer: a Linear with its sizes, or an activation or dropout standing alone (whose input
 * and output sizes are the previous layer's output size); then an optional activation, then an
 * optional dropout with its probability.
 */
public record NetworkLayer(String name, boolean linear, int in, int out, boolean bias,
    Optional<ActivationSpec> activation, Optional<Float> dropout) {

  /** The prefix of the layer's constants in generated code: {@code hiddenLayer} gives {@code HIDDEN_LAYER}. */
  public String constantPrefix() {
    return constantPrefix(name);
  }

  public static String constantPrefix(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  public Optional<ActivationKind> activationKind() {
    return activation.map(ActivationSpec::kind);
  }

  public boolean hasPrelu() {
    return activationKind().filter(k -> k == ActivationKind.PRELU).isPresent();
  }

  /** How many slopes a PReLU on this layer learns: one per feature, or one. */
  public int preluSize() {
    return activation.filter(a -> a.kind() == ActivationKind.PRELU)
        .map(a -> a.booleanOption("perFeature") ? out : 1)
        .orElse(0);
  }

  /** Whether the layer computes an output of its own (a Linear or an activation), before any dropout. */
  public boolean computes() {
    return linear || activation.isPresent();
  }
}
