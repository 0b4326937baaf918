package dev.kiln.processor.model;

import java.util.Map;

/** A resolved activation: its kind and its options by name (Float, Boolean, or an enum constant's name). */
public record ActivationSpec(ActivationKind kind, Map<String, Object> options) {
  public ActivationSpec {
    options = Map.copyOf(options);
  }

  public float floatOption(String name) {
    return ((Number) options.get(name)).floatValue();
  }

  public boolean booleanOption(String name) {
    return (Boolean) options.get(name);
  }

  public String enumOption(String name) {
    return (String) options.get(name);
  }
}
