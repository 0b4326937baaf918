package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.kiln.processor.model.NetworkLayer;
import dev.kiln.processor.model.PReluLayer;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/** {@code @PReLU}: an object that reads its slopes from the parameters, and the slopes' gradient. */
final class PReluEmitter implements KindEmitter {
  private final PReluLayer prelu;

  PReluEmitter(PReluLayer prelu) {
    this.prelu = prelu;
  }

  @Override
  public CodeBlock operation(StepCode code) {
    return CodeBlock.of("new $T($L,$W$L)", RuntimeTypes.PRELU_OP, prelu.slopes(code.step().input()),
        code.tensorName("weight"));
  }

  private static String field(StepCode code) {
    return field(code.layer());
  }

  private static String field(NetworkLayer layer) {
    return layer.name() + "Activation";
  }

  @Override
  public List<FieldSpec> fields(StepCode code) {
    return List.of(FieldSpec.builder(RuntimeTypes.PRELU, field(code), Modifier.PRIVATE, Modifier.FINAL)
        .initializer(prelu.valuesPerSlope(code.step().input()) == 1
            ? CodeBlock.of("new $T(parameters,$W$L,$W$L)", RuntimeTypes.PRELU, code.constant("PRELU"),
                code.constant("PRELU_SIZE"))
            : CodeBlock.of("new $T(parameters,$W$L,$W$L,$W$L)", RuntimeTypes.PRELU, code.constant("PRELU"),
                code.constant("PRELU_SIZE"), prelu.valuesPerSlope(code.step().input())))
        .build());
  }

  @Override
  public Optional<CodeBlock> activation(NetworkLayer layer) {
    return Optional.of(CodeBlock.of("$L", field(layer)));
  }

  @Override
  public void inference(StepCode code, String input, String output, CodeBlock.Builder out) {
    if (!code.activationInProduct()) {
      out.addStatement("$L.forward($L,$W$L,$Wrows,$W$L)", field(code), input, output, code.out());
    }
  }

  @Override
  public void forward(StepCode code, CodeBlock.Builder out) {
    if (!code.activationInProduct()) {
      out.addStatement("$L.forward($L,$W$L,$Wrows,$W$L)", field(code), code.plan().input(), code.plan().computed(),
          code.out());
    }
  }

  @Override
  public void backward(StepCode code, CodeBlock.Builder out) {
    LayerPlan plan = code.plan();
    out.addStatement("$L.slopeGradient($L,$W$L,$Wgradients,$Wrows,$W$L)", field(code), plan.preActivation(),
        plan.computedGradient(), code.out());
    out.addStatement("$L.backward($L,$W$L,$W$L,$Wrows,$W$L)", field(code), plan.preActivation(), plan.computed(),
        plan.computedGradient(), code.out());
  }
}
