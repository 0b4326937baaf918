package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.kiln.processor.model.ActivationFunction;
import dev.kiln.processor.model.ActivationLayer;
import dev.kiln.processor.model.NetworkLayer;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * An activation without parameters: a constant of {@code Activation}, applied by the product before it
 * as it writes each row, or on its own over the previous member's output.
 */
final class ActivationEmitter implements KindEmitter {
  private final ActivationLayer activation;

  ActivationEmitter(ActivationLayer activation) {
    this.activation = activation;
  }

  @Override
  public CodeBlock operation(StepCode code) {
    ActivationFunction function = activation.function();
    return switch (function) {
      case LEAKY_RELU -> CodeBlock.of("$T.leakyRelu($L)", RuntimeTypes.ACTIVATION_OP,
          Literals.of(activation.floatOption("negativeSlope")));
      case ELU -> CodeBlock.of("$T.elu($L)", RuntimeTypes.ACTIVATION_OP, Literals.of(activation.floatOption("alpha")));
      case SOFTPLUS -> CodeBlock.of("$T.softplus($L,$W$L)", RuntimeTypes.ACTIVATION_OP,
          Literals.of(activation.floatOption("beta")), Literals.of(activation.floatOption("threshold")));
      case GELU -> CodeBlock.of("$T.of($T.Function.$L)", RuntimeTypes.ACTIVATION_OP, RuntimeTypes.ACTIVATION_OP,
          activation.enumOption("approximate").equals("TANH") ? "GELU_TANH" : "GELU");
      case RELU, SILU, TANH, SIGMOID, SOFTMAX, LOG_SOFTMAX -> CodeBlock.of("$T.of($T.Function.$L)",
          RuntimeTypes.ACTIVATION_OP, RuntimeTypes.ACTIVATION_OP, function.name());
    };
  }

  /** The factory call of an activation with options, or empty for one of {@code Activation}'s constants. */
  private Optional<CodeBlock> factory() {
    ActivationFunction function = activation.function();
    return switch (function) {
      case LEAKY_RELU -> Optional.of(CodeBlock.of("$T.leakyRelu($L)", RuntimeTypes.ACTIVATION,
          Literals.of(activation.floatOption("negativeSlope"))));
      case ELU -> Optional.of(CodeBlock.of("$T.elu($L)", RuntimeTypes.ACTIVATION,
          Literals.of(activation.floatOption("alpha"))));
      case GELU -> Optional.of(CodeBlock.of("$T.$L()", RuntimeTypes.ACTIVATION,
          activation.enumOption("approximate").equals("TANH") ? "geluTanh" : "gelu"));
      case SOFTPLUS -> Optional.of(CodeBlock.of("$T.softplus($L,$W$L)", RuntimeTypes.ACTIVATION,
          Literals.of(activation.floatOption("beta")), Literals.of(activation.floatOption("threshold"))));
      case RELU, SILU, TANH, SIGMOID, SOFTMAX, LOG_SOFTMAX -> Optional.empty();
    };
  }

  @Override
  public List<FieldSpec> constants(StepCode code) {
    return factory().map(factory -> List.of(FieldSpec.builder(RuntimeTypes.ACTIVATION, code.constant("ACTIVATION"),
            Modifier.STATIC, Modifier.FINAL)
        .initializer("$L", factory)
        .build())).orElse(List.of());
  }

  @Override
  public Optional<CodeBlock> activation(NetworkLayer layer) {
    return Optional.of(factory().isPresent() ? CodeBlock.of("$L", LayerNames.constant(layer, "ACTIVATION"))
        : CodeBlock.of("$T.$L", RuntimeTypes.ACTIVATION, activation.function().name()));
  }

  @Override
  public boolean isReluMask() {
    return activation.function() == ActivationFunction.RELU;
  }

  @Override
  public void inference(StepCode code, String input, String output, CodeBlock.Builder out) {
    if (!code.activationInProduct()) {
      out.addStatement("$L.forward($L,$W$L,$Wrows,$W$L)", code.activation(), input, output, code.out());
    }
  }

  @Override
  public void forward(StepCode code, CodeBlock.Builder out) {
    if (!code.activationInProduct()) {
      out.addStatement("$L.forward($L,$W$L,$Wrows,$W$L)", code.activation(), code.plan().input(), code.plan().computed(),
          code.out());
    }
  }

  @Override
  public void backward(StepCode code, CodeBlock.Builder out) {
    if (!code.backwardDoneAbove()) {
      LayerPlan plan = code.plan();
      out.addStatement("$L.backward($L,$W$L,$W$L,$Wrows,$W$L)", code.activation(), plan.preActivation(), plan.computed(),
          plan.computedGradient(), code.out());
    }
  }

  @Override
  public boolean featureMajor(StepCode code) {
    return activation.function().elementwise();
  }

  @Override
  public void forwardFeatureMajor(StepCode code, CodeBlock.Builder out) {
    if (!code.activationInProduct()) {
      out.addStatement("$L.forward($L,$W$L,$W$L,$Wrows)", code.activation(), code.transposedInput(),
          code.plan().computed(), code.out());
    }
  }

  @Override
  public void backwardFeatureMajor(StepCode code, CodeBlock.Builder out) {
    LayerPlan plan = code.plan();
    String preActivation = plan.preActivation().equals("x") ? "xT" : plan.preActivation();
    // Element-wise, so the layout does not matter: OUT rows of `rows` values.
    out.addStatement("$L.backward($L,$W$L,$W$L,$W$L,$Wrows)", code.activation(), preActivation, plan.computed(),
        plan.computedGradient(), code.out());
  }
}
