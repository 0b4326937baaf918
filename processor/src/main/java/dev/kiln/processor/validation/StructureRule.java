package dev.kiln.processor.validation;

import dev.kiln.processor.model.DeclaredNetwork;
import dev.kiln.processor.model.Member;
import dev.kiln.processor.model.Shapes;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.util.ElementFilter;

/** A model has a loss and layers, and its layer names fit the generated code. */
final class StructureRule implements Rule {
  /** Names the generated model uses for members of its own. */
  private static final Set<String> RESERVED = Set.of("parameters", "buffers", "longBuffers", "kernels", "layers",
      "stateDict", "inputSize", "outputSize");

  /** Whether the interface declares layer methods at all, well-formed or not (those have errors of their own). */
  private static boolean declaresAbstractMethods(DeclaredNetwork network) {
    return ElementFilter.methodsIn(network.type().getEnclosedElements()).stream()
        .anyMatch(m -> m.getModifiers().contains(Modifier.ABSTRACT));
  }

  @Override
  public void check(DeclaredNetwork network, Shapes shapes, ValidationReport report) {
    if (!network.hasLossAnnotation()) {
      report.add(Problem.on(network.type(), network.modelMirror(), Message.MISSING_LOSS, network.simpleName()));
    }
    if (network.members().isEmpty() && !declaresAbstractMethods(network)) {
      report.add(Problem.on(network.type(), network.modelMirror(), Message.NO_LAYERS, network.simpleName()));
    }
    Map<String, Member> byPrefix = new HashMap<>();
    for (Member layer : network.members()) {
      if (RESERVED.contains(layer.name())) {
        report.add(layer.problem(null, null, Message.RESERVED_LAYER_NAME, layer.name()));
      }
      String prefix = layer.constantPrefix();
      Member earlier = byPrefix.putIfAbsent(prefix, layer);
      if (earlier != null) {
        report.add(layer.problem(null, null, Message.LAYER_NAME_CLASH, earlier.name(), layer.name(), prefix));
      }
    }
  }
}
