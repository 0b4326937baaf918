package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import dev.kiln.processor.model.FlattenLayer;

/**
 * {@code @Flatten}: no code at all. A row of C-H-W maps already is the C·H·W vector, in PyTorch's
 * order, so the member's output is its input and its gradient the gradient of its input.
 */
final class FlattenEmitter implements KindEmitter {
  private final FlattenLayer flatten;

  FlattenEmitter(FlattenLayer flatten) {
    this.flatten = flatten;
  }

  @Override
  public CodeBlock operation(StepCode code) {
    return CodeBlock.of("new $T()", RuntimeTypes.FLATTEN_OP);
  }

  @Override
  public void inference(StepCode code, String input, String output, CodeBlock.Builder out) {}

  @Override
  public void forward(StepCode code, CodeBlock.Builder out) {}

  @Override
  public void backward(StepCode code, CodeBlock.Builder out) {}

  @Override
  public boolean featureMajor(StepCode code) {
    return true; // [features x rows] is the same array before and after
  }

  @Override
  public void forwardFeatureMajor(StepCode code, CodeBlock.Builder out) {}

  @Override
  public void backwardFeatureMajor(StepCode code, CodeBlock.Builder out) {}
}
