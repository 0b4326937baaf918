package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import dev.kiln.processor.model.ActivationKind;
import dev.kiln.processor.model.ActivationSpec;
import dev.kiln.processor.model.NetworkLayer;

/** The names generated code gives to a layer's constants, fields and arrays. */
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

  /** The offset of a PReLU's slopes. */
  static String prelu(NetworkLayer layer) {
    return layer.constantPrefix() + "_PRELU";
  }

  static String preluSize(NetworkLayer layer) {
    return layer.constantPrefix() + "_PRELU_SIZE";
  }

  /** The constant holding an activation with options, such as {@code Activation.leakyRelu(0.1f)}. */
  static String activationConstant(NetworkLayer layer) {
    return layer.constantPrefix() + "_ACTIVATION";
  }

  /** The field holding a PReLU, which reads its slopes from the parameters. */
  static String preluField(NetworkLayer layer) {
    return layer.name() + "Activation";
  }

  static String dropoutConstant(NetworkLayer layer) {
    return layer.constantPrefix() + "_DROPOUT";
  }

  /** The state-dict name of a PReLU's slopes: {@code act.weight} alone, {@code hidden.prelu.weight} after a Linear. */
  static String preluTensor(NetworkLayer layer) {
    return layer.name() + (layer.linear() ? ".prelu.weight" : ".weight");
  }

  /** The expression generated code passes as the layer's activation. */
  static CodeBlock activation(NetworkLayer layer) {
    if (layer.activation().isEmpty()) {
      return CodeBlock.of("$T.IDENTITY", RuntimeTypes.ACTIVATION);
    }
    return switch (layer.activation().get().kind()) {
      case RELU, TANH, SIGMOID, SILU, SOFTMAX, LOG_SOFTMAX ->
          CodeBlock.of("$T.$L", RuntimeTypes.ACTIVATION, layer.activation().get().kind().name());
      case PRELU -> CodeBlock.of("$L", preluField(layer));
      case LEAKY_RELU, ELU, GELU, SOFTPLUS -> CodeBlock.of("$L", activationConstant(layer));
    };
  }

  /** Whether the layer's activation has options and so a constant of its own. */
  static boolean hasActivationConstant(NetworkLayer layer) {
    return layer.activationKind().filter(k -> k == ActivationKind.LEAKY_RELU || k == ActivationKind.ELU
        || k == ActivationKind.GELU || k == ActivationKind.SOFTPLUS).isPresent();
  }

  /** The initializer of an activation constant. */
  static CodeBlock activationFactory(ActivationSpec spec) {
    return switch (spec.kind()) {
      case LEAKY_RELU -> CodeBlock.of("$T.leakyRelu($L)", RuntimeTypes.ACTIVATION,
          Literals.of(spec.floatOption("negativeSlope")));
      case ELU -> CodeBlock.of("$T.elu($L)", RuntimeTypes.ACTIVATION, Literals.of(spec.floatOption("alpha")));
      case GELU -> CodeBlock.of("$T.$L()", RuntimeTypes.ACTIVATION,
          spec.enumOption("approximate").equals("TANH") ? "geluTanh" : "gelu");
      case SOFTPLUS -> CodeBlock.of("$T.softplus($L, $L)", RuntimeTypes.ACTIVATION,
          Literals.of(spec.floatOption("beta")), Literals.of(spec.floatOption("threshold")));
      default -> throw new IllegalArgumentException("no factory for " + spec.kind());
    };
  }

  /** How the layer reads in a summary: {@code Linear(2 -> 10) + ReLU + Dropout(0.5)}. */
  static String describe(NetworkLayer layer) {
    StringBuilder text = new StringBuilder();
    if (layer.linear()) {
      text.append("Linear(").append(layer.in()).append(" -> ").append(layer.out())
          .append(layer.bias() ? "" : ", no bias").append(")");
    }
    layer.activation().ifPresent(a -> text.append(text.length() > 0 ? " + " : "").append(describe(a)));
    layer.dropout().ifPresent(p -> text.append(text.length() > 0 ? " + " : "").append("Dropout(").append(p).append(")"));
    return text.toString();
  }

  private static String describe(ActivationSpec spec) {
    String name = spec.kind().annotationName();
    return switch (spec.kind()) {
      case LEAKY_RELU -> name + "(" + spec.floatOption("negativeSlope") + ")";
      case ELU -> name + "(" + spec.floatOption("alpha") + ")";
      case GELU -> spec.enumOption("approximate").equals("TANH") ? name + "(tanh)" : name;
      case SOFTPLUS -> name + "(" + spec.floatOption("beta") + ", " + spec.floatOption("threshold") + ")";
      case PRELU -> name + (spec.booleanOption("perFeature") ? "(per feature)" : "");
      default -> name;
    };
  }
}
