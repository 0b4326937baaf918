package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.kiln.processor.model.Conv2dLayer;
import dev.kiln.processor.model.Shape;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code @Conv2d}: a {@code Conv2d} constant that knows its geometry, applying the member's activation to
 * each output row as it writes it; its two gradients, like a Linear's.
 */
final class Conv2dEmitter extends ProductEmitter {
  private final Conv2dLayer conv;

  Conv2dEmitter(Conv2dLayer conv) {
    this.conv = conv;
  }

  @Override
  public CodeBlock operation(StepCode code) {
    return CodeBlock.of("new $T($L)", RuntimeTypes.CONV2D_OP, NamedArguments.of(
        "in", ((Shape.Maps) code.step().input()).channels(), "out", conv.out(), "kernel", conv.kernel(),
        "stride", conv.stride(), "padding", conv.padding(), "dilation", conv.dilation(),
        "weight", code.tensorName("weight"), "bias", code.tensorName("bias")));
  }

  private static String field(StepCode code) {
    return code.constant("CONV");
  }

  @Override
  public List<FieldSpec> constants(StepCode code) {
    Shape.Maps in = (Shape.Maps) code.step().input();
    return List.of(FieldSpec.builder(RuntimeTypes.CONV2D, field(code), Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("$L: $L.\n", code.layer().name(), code.step().describe())
        .initializer("new $T($Z$L)", RuntimeTypes.CONV2D, NamedArguments.of("in", in.channels(),
            "height", in.height(), "width", in.width(), "out", conv.out(), "kernel", conv.kernel(),
            "stride", conv.stride(), "padding", conv.padding(), "dilation", conv.dilation()))
        .build());
  }

  private CodeBlock bias(StepCode code) {
    return LayerNames.offsetOrNone(code.layer(), "BIAS");
  }

  @Override
  public void inference(StepCode code, String input, String output, CodeBlock.Builder out) {
    out.addStatement("$L.forward($L,$Wparameters,$W$L,$W$L,$W$L,$W$L,$Wrows,$W$L)", field(code), input,
        code.constant("WEIGHT"), bias(code), output, output, code.activation());
  }

  @Override
  public void forward(StepCode code, CodeBlock.Builder out) {
    LayerPlan plan = code.plan();
    out.addStatement("$L.forward($L,$Wparameters,$W$L,$W$L,$W$L,$W$L,$Wrows,$W$L)", field(code), plan.input(),
        code.constant("WEIGHT"), bias(code), plan.preActivation(), plan.computed(), code.activation());
  }

  @Override
  public void backward(StepCode code, CodeBlock.Builder out) {
    LayerPlan plan = code.plan();
    out.addStatement("$L.parameterGradient($L,$W$L,$Wgradients,$W$L,$W$L,$Wrows)", field(code), plan.computedGradient(),
        plan.input(), code.constant("WEIGHT"), bias(code));
    code.inputGradient(out,
        () -> CodeBlock.of("$L.inputGradientRelu($L,$Wparameters,$W$L,$W$L,$W$L,$Wrows)", field(code),
            plan.computedGradient(), code.constant("WEIGHT"), plan.inputGradient(), code.maskBelow().computed()),
        () -> CodeBlock.of("$L.inputGradient($L,$Wparameters,$W$L,$W$L,$Wrows)", field(code), plan.computedGradient(),
            code.constant("WEIGHT"), plan.inputGradient()));
  }
}
