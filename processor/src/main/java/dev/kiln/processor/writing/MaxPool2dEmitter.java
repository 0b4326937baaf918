package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.kiln.processor.model.MaxPool2dLayer;
import dev.kiln.processor.model.Shape;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code @MaxPool2d}: a {@code MaxPool2d} constant; training keeps where each window's maximum is, in an
 * {@code int[]} workspace, for the backward pass to send the gradient there.
 */
final class MaxPool2dEmitter extends ProductEmitter {
  private final MaxPool2dLayer pool;

  MaxPool2dEmitter(MaxPool2dLayer pool) {
    this.pool = pool;
  }

  @Override
  public CodeBlock operation(StepCode code) {
    return CodeBlock.of("new $T($L)", RuntimeTypes.MAX_POOL2D_OP, NamedArguments.of("kernel", pool.kernel(),
        "stride", pool.effectiveStride(), "padding", pool.padding(), "dilation", pool.dilation(),
        "ceilMode", pool.ceilMode()));
  }

  private static String field(StepCode code) {
    return code.constant("POOL");
  }

  private static String argmax(StepCode code) {
    return code.layer().name() + "Argmax";
  }

  @Override
  public List<FieldSpec> constants(StepCode code) {
    Shape.Maps in = (Shape.Maps) code.step().input();
    return List.of(FieldSpec.builder(RuntimeTypes.MAX_POOL2D, field(code), Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("$L: $L.\n", code.layer().name(), code.step().describe())
        .initializer("new $T($Z$L)", RuntimeTypes.MAX_POOL2D, NamedArguments.of("channels", in.channels(),
            "height", in.height(), "width", in.width(), "kernel", pool.kernel(), "stride", pool.effectiveStride(),
            "padding", pool.padding(), "dilation", pool.dilation(), "ceilMode", pool.ceilMode()))
        .build());
  }

  @Override
  public List<Workspace> workspaces(StepCode code) {
    List<Workspace> workspaces = new ArrayList<>(super.workspaces(code));
    workspaces.add(Workspace.ints(argmax(code), code.out()));
    return workspaces;
  }

  @Override
  public void inference(StepCode code, String input, String output, CodeBlock.Builder out) {
    out.addStatement("$L.forward($L,$W$L,$W$L,$Wnull,$Wrows,$W$L)", field(code), input, output, output, code.activation());
  }

  @Override
  public void forward(StepCode code, CodeBlock.Builder out) {
    LayerPlan plan = code.plan();
    out.addStatement("$L.forward($L,$W$L,$W$L,$W$L,$Wrows,$W$L)", field(code), plan.input(), plan.preActivation(),
        plan.computed(), argmax(code), code.activation());
  }

  @Override
  public void backward(StepCode code, CodeBlock.Builder out) {
    LayerPlan plan = code.plan();
    code.inputGradient(out,
        () -> CodeBlock.of("$L.inputGradientRelu($L,$W$L,$W$L,$W$L,$Wrows)", field(code), plan.computedGradient(),
            argmax(code), plan.inputGradient(), code.maskBelow().computed()),
        () -> CodeBlock.of("$L.inputGradient($L,$W$L,$W$L,$Wrows)", field(code), plan.computedGradient(), argmax(code),
            plan.inputGradient()));
  }
}
