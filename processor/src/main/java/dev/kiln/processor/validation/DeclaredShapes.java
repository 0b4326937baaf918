package dev.kiln.processor.validation;

import dev.kiln.processor.model.DeclaredLayer;
import dev.kiln.processor.model.DeclaredNetwork;
import java.util.List;

/** The output size of each declared layer as far as it is known (-1 where a size is missing or invalid). */
final class DeclaredShapes {
  static final int UNKNOWN = -1;

  private DeclaredShapes() {}

  static int[] outputs(DeclaredNetwork network) {
    List<DeclaredLayer> layers = network.layers();
    int[] outputs = new int[layers.size()];
    int previous = UNKNOWN;
    for (int i = 0; i < layers.size(); i++) {
      DeclaredLayer layer = layers.get(i);
      if (layer.linear().isPresent()) {
        int out = layer.linear().get().outSize();
        previous = out > 0 ? out : UNKNOWN;
      }
      outputs[i] = previous;
    }
    return outputs;
  }

  /** The network's number of outputs, or {@link #UNKNOWN}. */
  static int networkOutputs(DeclaredNetwork network) {
    int[] outputs = outputs(network);
    return outputs.length == 0 ? UNKNOWN : outputs[outputs.length - 1];
  }
}
