package dev.kiln.processor.model;

import dev.kiln.processor.validation.Message;
import java.util.Map;
import java.util.Optional;

/**
 * An activation without parameters ({@code @ReLU}, {@code @GELU(approximate = TANH)}, ...) and its
 * options by name: Float, Boolean, or an enum constant's name.
 */
public record ActivationLayer(Origin origin, ActivationFunction function, Map<String, Object> options)
    implements LayerKind {

  public ActivationLayer {
    options = Map.copyOf(options);
  }

  public float floatOption(String name) {
    return ((Number) options.get(name)).floatValue();
  }

  public String enumOption(String name) {
    return (String) options.get(name);
  }

  @Override
  public Stage stage() {
    return Stage.ACTIVATION;
  }

  @Override
  public Optional<Shape> outputShape(ShapeContext context) {
    if (function.range().normalisesRows() && Sequences.refused(this, context)) {
      return Optional.empty();
    }
    if (function.range().normalisesRows() && context.input().isPresent()
        && context.input().get() instanceof Shape.Maps maps) {
      context.report(this, null, Message.SOFTMAX_ON_FEATURE_MAP, annotationName(), context.member().name(),
          maps.text());
    }
    return context.input();
  }

  @Override
  public OutputRange range() {
    return function.range();
  }

  @Override
  public boolean needsInput() {
    return function.needsInput();
  }

  @Override
  public boolean computesNewPositionsOnly() {
    return true;
  }

  @Override
  public String describe(Shape input, Shape output) {
    String name = annotationName();
    return switch (function) {
      case LEAKY_RELU -> name + "(" + floatOption("negativeSlope") + ")";
      case ELU -> name + "(" + floatOption("alpha") + ")";
      case GELU -> enumOption("approximate").equals("TANH") ? name + "(tanh)" : name;
      case SOFTPLUS -> name + "(" + floatOption("beta") + ", " + floatOption("threshold") + ")";
      case RELU, SILU, TANH, SIGMOID, SOFTMAX, LOG_SOFTMAX -> name;
    };
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitActivation(this);
  }
}
