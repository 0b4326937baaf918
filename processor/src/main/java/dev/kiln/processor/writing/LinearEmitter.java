package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import dev.kiln.processor.model.LinearLayer;
import dev.kiln.processor.model.Shape;

/** {@code @Linear}: one product with bias and activation fused, its two gradient products, and its weight workspaces. */
final class LinearEmitter extends ProductEmitter {
  /** Layers at most this wide gain more from vectors along the batch than along their features. */
  static final int NARROW = 32;

  private final LinearLayer linear;

  LinearEmitter(LinearLayer linear) {
    this.linear = linear;
  }

  @Override
  public CodeBlock operation(StepCode code) {
    // On a sequence, the sizes of a position: the product applies to each.
    long in = code.step().input() instanceof Shape.Sequence s ? s.dim() : code.step().input().size();
    long out = code.step().output() instanceof Shape.Sequence s ? s.dim() : code.step().output().size();
    return CodeBlock.of("new $T($L,$W$L,$W$L,$W$L)", RuntimeTypes.LINEAR_OP, in, out, code.tensorName("weight"),
        code.tensorName("bias"));
  }

  private CodeBlock bias(StepCode code) {
    return LayerNames.offsetOrNone(code.layer(), "BIAS");
  }

  @Override
  public void inference(StepCode code, String input, String output, CodeBlock.Builder out) {
    out.addStatement("kernels.linearForward($L,$Wparameters,$W$L,$W$L,$W$L,$W$L,$W$L,$W$L,$W$L,$W$L)", input,
        code.constant("WEIGHT"), bias(code), output, output, code.positions(), code.inWidth(), code.outWidth(),
        code.activation());
  }

  @Override
  public void forward(StepCode code, CodeBlock.Builder out) {
    LayerPlan plan = code.plan();
    out.addStatement("kernels.linearForward($L,$Wparameters,$W$L,$W$L,$W$L,$W$L,$W$L,$W$L,$W$L,$W$L)", plan.input(),
        code.constant("WEIGHT"), bias(code), plan.preActivation(), plan.computed(), code.positions(),
        code.inWidth(), code.outWidth(), code.activation());
  }

  @Override
  public void backward(StepCode code, CodeBlock.Builder out) {
    LayerPlan plan = code.plan();
    out.addStatement("kernels.linearParameterGradient($L,$W$L,$Wgradients,$W$L,$W$L,$W$L,$W$L,$W$L)",
        plan.computedGradient(), plan.input(), code.constant("WEIGHT"), bias(code), code.positions(), code.inWidth(),
        code.outWidth());
    code.inputGradient(out,
        () -> CodeBlock.of("kernels.linearInputGradientRelu($L,$Wparameters,$W$L,$W$L,$W$L,$W$L,$W$L,$W$L)",
            plan.computedGradient(), code.constant("WEIGHT"), plan.inputGradient(), code.maskBelow().computed(),
            code.positions(), code.inWidth(), code.outWidth()),
        () -> CodeBlock.of("kernels.linearInputGradient($L,$Wparameters,$W$L,$W$L,$W$L,$W$L,$W$L)",
            plan.computedGradient(), code.constant("WEIGHT"), plan.inputGradient(), code.positions(),
            code.inWidth(), code.outWidth()));
  }

  @Override
  public boolean featureMajor(StepCode code) {
    return !(code.step().input() instanceof Shape.Sequence) && code.step().input().size() <= NARROW
        && code.step().output().size() <= NARROW;
  }

  @Override
  public void forwardFeatureMajor(StepCode code, CodeBlock.Builder out) {
    LayerPlan plan = code.plan();
    out.addStatement("kernels.linearForwardT($L,$Wparameters,$W$L,$W$L,$W$L,$W$L,$Wrows,$W$L,$W$L,$W$L)",
        code.transposedInput(), code.constant("WEIGHT"), bias(code), plan.preActivation(), plan.computed(),
        code.in(), code.out(), code.activation());
  }

  @Override
  public void backwardFeatureMajor(StepCode code, CodeBlock.Builder out) {
    LayerPlan plan = code.plan();
    // The first layer's input is at hand in rows too, which suits some shapes better.
    out.addStatement("kernels.linearParameterGradientT($L,$W$L,$W$Lgradients,$W$L,$W$L,$Wrows,$W$L,$W$L)",
        plan.computedGradient(), code.transposedInput(), plan.input().equals("x") ? "x, " : "",
        code.constant("WEIGHT"), bias(code), code.in(), code.out());
    if (plan.inputGradient() != null) {
      out.addStatement("kernels.linearInputGradientT($L,$Wparameters,$W$L,$W$L,$Wrows,$W$L,$W$L)",
          plan.computedGradient(), code.constant("WEIGHT"), plan.inputGradient(), code.in(), code.out());
    }
  }
}
