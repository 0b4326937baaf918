package dev.kiln.processor.model;

import dev.kiln.dsl.LossKind;
import dev.kiln.dsl.Reduction;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * A validated network with every shape resolved: all the writers need. {@code type} is kept only as
 * the generated files' originating element.
 */
public record Network(TypeElement type, String packageName, String simpleName, List<NetworkLayer> layers,
    LossSpec lossSpec) {

  public Network {
    layers = List.copyOf(layers);
  }

  public int in() {
    return layers.get(0).in();
  }

  public int out() {
    return layers.get(layers.size() - 1).out();
  }

  public NetworkLayer outputLayer() {
    return layers.get(layers.size() - 1);
  }

  public LossKind loss() {
    return lossSpec.kind();
  }

  public Reduction reduction() {
    return lossSpec.reduction();
  }

  /** The activation applied last before the loss, if any. */
  public Optional<ActivationKind> finalActivation() {
    return outputLayer().activationKind();
  }

  /** Whether the loss takes float targets: every loss but NLL, and cross-entropy with probabilities. */
  public boolean floatTargets() {
    return loss() != LossKind.NLL;
  }

  public boolean hasDropout() {
    return layers.stream().anyMatch(l -> l.dropout().isPresent());
  }

  public String modelName() {
    return simpleName + "Model";
  }

  public String trainerName() {
    return simpleName + "Trainer";
  }

  /** Whether the loss takes class indices ({@code int[]} targets) rather than float targets. */
  public boolean classIndexTargets() {
    return loss() == LossKind.CROSS_ENTROPY || loss() == LossKind.NLL;
  }
}
