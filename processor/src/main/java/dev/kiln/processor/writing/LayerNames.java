package dev.kiln.processor.writing;

import dev.kiln.processor.model.ActivationKind;
import dev.kiln.processor.model.NetworkLayer;

/** The names generated code gives to a layer's constants and arrays. */
final class LayerNames {
  private LayerNames() {}

  static String in(NetworkLayer layer) {
    return layer.constantPrefix() + "_IN";
  }

  static String out(NetworkLayer layer) {
    return layer.constantPrefix() + "_OUT";
  }

  static String weight(NetworkLayer layer) {
    return layer.constantPrefix() + "_WEIGHT";
  }

  /** The bias offset constant, or {@code Kernels.NO_BIAS} for a layer without one. */
  static String bias(NetworkLayer layer) {
    return layer.bias() ? layer.constantPrefix() + "_BIAS" : "Kernels.NO_BIAS";
  }

  /** The array holding the layer's output rows. */
  static String output(NetworkLayer layer) {
    return layer.name() + "Output";
  }

  /** The array holding the gradient of the loss with respect to the layer's output. */
  static String gradient(NetworkLayer layer) {
    return layer.name() + "Gradient";
  }

  static String activation(NetworkLayer layer) {
    return layer.activation().map(ActivationKind::runtimeConstant).orElse("IDENTITY");
  }

  /** How the layer reads in a summary: {@code Linear(2 -> 10) + ReLU}. */
  static String describe(NetworkLayer layer) {
    String activation = layer.activation().map(ActivationKind::annotationName).orElse("");
    if (!layer.linear()) {
      return activation;
    }
    return "Linear(" + layer.in() + " -> " + layer.out() + (layer.bias() ? "" : ", no bias") + ")"
        + (activation.isEmpty() ? "" : " + " + activation);
  }
}
