package dev.kiln.processor.validation;

import dev.kiln.processor.model.ActivationKind;
import dev.kiln.processor.model.DeclaredActivation;
import dev.kiln.processor.model.DeclaredDropout;
import dev.kiln.processor.model.DeclaredLayer;
import dev.kiln.processor.model.DeclaredNetwork;
import java.util.List;
import java.util.Optional;

/**
 * Where activations and dropout stand: softmax over a single value, softmax on a hidden layer,
 * dropout on the output, and dropout probabilities.
 */
final class LayerPlacementRule implements Rule {
  @Override
  public void check(DeclaredNetwork network, ValidationReport report) {
    List<DeclaredLayer> layers = network.layers();
    int[] outputs = DeclaredShapes.outputs(network);
    Optional<DeclaredLayer> finalOwner = FinalActivation.owner(network);
    int lastLinear = -1;
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i).linear().isPresent()) lastLinear = i;
    }
    for (int i = 0; i < layers.size(); i++) {
      DeclaredLayer layer = layers.get(i);
      Optional<DeclaredActivation> activation = layer.activation();
      if (activation.isPresent() && isSoftmax(activation.get().kind())) {
        String annotation = activation.get().kind().annotationName();
        if (outputs[i] == 1) {
          report.add(Problem.on(layer.method(), activation.get().mirror(), Message.SOFTMAX_OF_ONE, annotation,
              layer.name(), activation.get().kind() == ActivationKind.SOFTMAX ? "exactly 1.0" : "exactly 0.0"));
        } else if (finalOwner.map(owner -> owner != layer).orElse(true)) {
          report.add(Problem.on(layer.method(), activation.get().mirror(), Message.SOFTMAX_ON_HIDDEN_LAYER, annotation,
              layer.name()));
        }
      }
      if (layer.dropout().isPresent()) {
        DeclaredDropout dropout = layer.dropout().get();
        float p = dropout.probability();
        if (!(p >= 0f && p < 1f)) {
          report.add(Problem.on(layer.method(), dropout.mirror(), dropout.p(), Message.DROPOUT_PROBABILITY, p,
              layer.name()));
        }
        if (i >= lastLinear) {
          report.add(Problem.on(layer.method(), dropout.mirror(), Message.DROPOUT_ON_OUTPUT, layer.name()));
        }
      }
    }
  }

  private static boolean isSoftmax(ActivationKind kind) {
    return kind == ActivationKind.SOFTMAX || kind == ActivationKind.LOG_SOFTMAX;
  }
}
