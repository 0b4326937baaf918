package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.kiln.processor.model.LayerNormLayer;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code @LayerNorm}: a {@code LayerNorm} of the model's, and one of the trainer's, which keeps each row's
 * statistics for the backward pass. The member's activation follows the normalization as it writes each
 * value.
 */
final class LayerNormEmitter extends NormEmitter {
  private final LayerNormLayer norm;

  LayerNormEmitter(LayerNormLayer norm) {
    this.norm = norm;
  }

  @Override
  public CodeBlock operation(StepCode code) {
    return CodeBlock.of("new $T($L,$W$L,$W$L)", RuntimeTypes.LAYER_NORM_OP, Literals.of(norm.eps()),
        code.tensorName("weight"), code.tensorName("bias"));
  }

  private static String field(StepCode code) {
    return code.layer().name() + "Norm";
  }

  @Override
  public List<FieldSpec> fields(StepCode code) {
    return List.of(FieldSpec.builder(RuntimeTypes.LAYER_NORM, field(code), Modifier.PRIVATE, Modifier.FINAL)
        .initializer("new $T($Z$L)", RuntimeTypes.LAYER_NORM, NamedArguments.of("size", code.inWidth(),
            "eps", Literals.of(norm.eps())))
        .build());
  }

  @Override
  public void inference(StepCode code, String input, String output, CodeBlock.Builder out) {
    out.addStatement("$L.forward($L,$W$L,$W$L,$W$L,$W$L,$Wparameters,$W$L)", field(code), input, output, output,
        code.positions(), code.activation(), affine(code));
  }

  @Override
  public void forward(StepCode code, CodeBlock.Builder out) {
    LayerPlan plan = code.plan();
    out.addStatement("$L.forward($L,$W$L,$W$L,$W$L,$W$L,$Wparameters,$W$L)", field(code), plan.input(),
        plan.preActivation(), plan.computed(), code.positions(), code.activation(), affine(code));
  }

  @Override
  public void backward(StepCode code, CodeBlock.Builder out) {
    LayerPlan plan = code.plan();
    out.addStatement("$L.backward($L,$W$L,$W$L,$W$L,$Wparameters,$W$L,$Wgradients,$W$L)", field(code), plan.input(),
        plan.computedGradient(), plan.inputGradient() == null ? "null" : plan.inputGradient(), code.positions(),
        LayerNames.offsetOrNone(code.layer(), "WEIGHT"), affine(code));
  }
}
