package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import java.util.List;

/**
 * {@code @Residual}: the join adds the block's input to the block's output and applies the member's
 * activation as it writes. Its gradient goes to the block's last member as is (handed on) and to the
 * block's input once the block's backward pass is done ({@link BackwardPass}). Everything it needs of
 * its {@code ResidualLayer} is in its step: how far back its block starts.
 */
final class ResidualEmitter implements KindEmitter {
  @Override
  public CodeBlock operation(StepCode code) {
    return CodeBlock.of("new $T($S)", RuntimeTypes.RESIDUAL_ADD_OP, code.skipFrom().layer().path());
  }

  @Override
  public boolean appliesActivation() {
    return true;
  }

  @Override
  public List<Workspace> workspaces(StepCode code) {
    return code.keptPreActivation();
  }

  @Override
  public void inference(StepCode code, String input, String output, CodeBlock.Builder out) {
    throw new IllegalStateException(code.step().describe() + " needs the block's input");
  }

  @Override
  public void inference(StepCode code, String input, String output, String skipInput, CodeBlock.Builder out) {
    out.addStatement("$T.forward($L,$W$L,$W$L,$W$L,$Wrows,$W$L,$W$L)", RuntimeTypes.RESIDUAL_JOIN, skipInput, input, output,
        output, code.out(), code.activation());
  }

  @Override
  public void forward(StepCode code, CodeBlock.Builder out) {
    LayerPlan plan = code.plan();
    out.addStatement("$T.forward($L,$W$L,$W$L,$W$L,$Wrows,$W$L,$W$L)", RuntimeTypes.RESIDUAL_JOIN, code.skipFrom().input(),
        plan.input(), plan.preActivation(), plan.computed(), code.out(), code.activation());
  }

  @Override
  public void backward(StepCode code, CodeBlock.Builder out) {
    // Nothing of its own: its gradient is handed on to the block, and added to the block's input later.
  }
}
