package dev.kiln.processor.model;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;

/** One layer method as written, before its shapes are resolved. */
public record DeclaredLayer(ExecutableElement method, Optional<DeclaredLinear> linear,
    List<DeclaredActivation> activations, Optional<DeclaredDropout> dropout) {

  public DeclaredLayer {
    activations = List.copyOf(activations);
  }

  public String name() {
    return method.getSimpleName().toString();
  }

  /** The activation applied after this layer, if any: the first one declared. */
  public Optional<DeclaredActivation> activation() {
    return activations.stream().findFirst();
  }
}
