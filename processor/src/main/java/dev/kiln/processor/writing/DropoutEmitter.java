package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.model.DropoutLayer;
import java.util.List;
import javax.lang.model.element.Modifier;

/** {@code @Dropout}: a mask drawn each training step, nothing at inference. */
final class DropoutEmitter implements KindEmitter {
  private final DropoutLayer dropout;

  DropoutEmitter(DropoutLayer dropout) {
    this.dropout = dropout;
  }

  @Override
  public CodeBlock operation(StepCode code) {
    return CodeBlock.of("new $T($L)", RuntimeTypes.DROPOUT_OP, Literals.of(dropout.p()));
  }

  private static String mask(StepCode code) {
    return code.layer().name() + "Mask";
  }

  @Override
  public List<FieldSpec> constants(StepCode code) {
    return List.of(FieldSpec.builder(TypeName.FLOAT, code.constant("DROPOUT"), Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The probability that training zeroes an output of $L.\n", code.layer().name())
        .initializer("$L", Literals.of(dropout.p()))
        .build());
  }

  @Override
  public List<Workspace> workspaces(StepCode code) {
    LayerPlan plan = code.plan();
    return List.of(Workspace.floats(plan.output(), code.out()), Workspace.floats(plan.outputGradient(), code.out()),
        Workspace.floats(mask(code), code.out()));
  }

  @Override
  public void inference(StepCode code, String input, String output, CodeBlock.Builder out) {
    // Nothing to do outside training.
  }

  @Override
  public void forward(StepCode code, CodeBlock.Builder out) {
    LayerPlan plan = code.plan();
    out.addStatement("$T.forward($L,$W$L,$W$L,$Wrows * $L,$W$L,$Wrandom)", RuntimeTypes.DROPOUT, plan.computed(),
        plan.output(), mask(code), code.out(), code.constant("DROPOUT"));
  }

  @Override
  public void backward(StepCode code, CodeBlock.Builder out) {
    LayerPlan plan = code.plan();
    if (plan.computedGradient() != null) {
      out.addStatement("$T.backward($L,$W$L,$W$L,$Wrows * $L)", RuntimeTypes.DROPOUT, plan.outputGradient(), mask(code),
          plan.computedGradient(), code.out());
    }
  }
}
