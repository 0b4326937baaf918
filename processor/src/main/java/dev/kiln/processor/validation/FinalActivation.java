package dev.kiln.processor.validation;

import dev.kiln.processor.model.DeclaredLayer;
import dev.kiln.processor.model.DeclaredNetwork;
import java.util.List;
import java.util.Optional;

/** Finds the final activation: the last one before the loss, looking back past members that only drop out. */
final class FinalActivation {
  private FinalActivation() {}

  /** The layer whose activation feeds the loss, or empty when the output is a Linear's without one. */
  static Optional<DeclaredLayer> owner(DeclaredNetwork network) {
    List<DeclaredLayer> layers = network.layers();
    for (int i = layers.size() - 1; i >= 0; i--) {
      DeclaredLayer layer = layers.get(i);
      if (layer.activation().isPresent()) {
        return Optional.of(layer);
      }
      if (layer.linear().isPresent()) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
