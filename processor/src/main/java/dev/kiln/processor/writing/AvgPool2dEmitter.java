package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.kiln.processor.model.AvgPool2dLayer;
import dev.kiln.processor.model.Shape;
import java.util.List;
import javax.lang.model.element.Modifier;

/** {@code @AvgPool2d}: an {@code AvgPool2d} constant, its divisor fixed by the declaration. */
final class AvgPool2dEmitter extends ProductEmitter {
  private final AvgPool2dLayer pool;

  AvgPool2dEmitter(AvgPool2dLayer pool) {
    this.pool = pool;
  }

  @Override
  public CodeBlock operation(StepCode code) {
    return CodeBlock.of("new $T($L)", RuntimeTypes.AVG_POOL2D_OP, NamedArguments.of("kernel", pool.kernel(),
        "stride", pool.effectiveStride(), "padding", pool.padding(), "ceilMode", pool.ceilMode(),
        "countIncludePad", pool.countIncludePad()));
  }

  private static String field(StepCode code) {
    return code.constant("POOL");
  }

  @Override
  public List<FieldSpec> constants(StepCode code) {
    Shape.Maps in = (Shape.Maps) code.step().input();
    return List.of(FieldSpec.builder(RuntimeTypes.AVG_POOL2D, field(code), Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("$L: $L.\n", code.layer().name(), code.step().describe())
        .initializer("new $T($Z$L)", RuntimeTypes.AVG_POOL2D, NamedArguments.of("channels", in.channels(),
            "height", in.height(), "width", in.width(), "kernel", pool.kernel(), "stride", pool.effectiveStride(),
            "padding", pool.padding(), "ceilMode", pool.ceilMode(), "countIncludePad", pool.countIncludePad()))
        .build());
  }

  @Override
  public void inference(StepCode code, String input, String output, CodeBlock.Builder out) {
    out.addStatement("$L.forward($L,$W$L,$W$L,$Wrows,$W$L)", field(code), input, output, output, code.activation());
  }

  @Override
  public void forward(StepCode code, CodeBlock.Builder out) {
    LayerPlan plan = code.plan();
    out.addStatement("$L.forward($L,$W$L,$W$L,$Wrows,$W$L)", field(code), plan.input(), plan.preActivation(),
        plan.computed(), code.activation());
  }

  @Override
  public void backward(StepCode code, CodeBlock.Builder out) {
    LayerPlan plan = code.plan();
    code.inputGradient(out,
        () -> CodeBlock.of("$L.inputGradientRelu($L,$W$L,$W$L,$Wrows)", field(code), plan.computedGradient(),
            plan.inputGradient(), code.maskBelow().computed()),
        () -> CodeBlock.of("$L.inputGradient($L,$W$L,$Wrows)", field(code), plan.computedGradient(), plan.inputGradient()));
  }
}
