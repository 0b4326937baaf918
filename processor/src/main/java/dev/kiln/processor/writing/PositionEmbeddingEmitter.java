package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import dev.kiln.processor.model.PositionEmbeddingLayer;

/** {@code @PositionEmbedding}: adds its table to each sequence; its gradient sums the rows' gradients. */
final class PositionEmbeddingEmitter implements KindEmitter {
  private final PositionEmbeddingLayer positions;

  PositionEmbeddingEmitter(PositionEmbeddingLayer positions) {
    this.positions = positions;
  }

  @Override
  public CodeBlock operation(StepCode code) {
    return CodeBlock.of("new $T($L,$W$L,$W$L)", RuntimeTypes.POSITION_EMBEDDING_OP,
        SequenceSteps.sequence(code).length(), SequenceSteps.sequence(code).dim(), code.tensorName("weight"));
  }

  private static void add(StepCode code, String input, String output, CodeBlock.Builder out) {
    out.addStatement("$T.forward($L,$Wparameters,$W$L,$W$L,$Wrows,$W$L,$W$L)", RuntimeTypes.POSITION_EMBEDDING,
        input, code.constant("WEIGHT"), output, code.constant("LENGTH"), code.constant("DIM"));
  }

  @Override
  public void inference(StepCode code, String input, String output, CodeBlock.Builder out) {
    add(code, input, output, out);
  }

  @Override
  public void forward(StepCode code, CodeBlock.Builder out) {
    add(code, code.plan().input(), code.plan().computed(), out);
  }

  @Override
  public boolean writesInputGradient() {
    return true;
  }

  @Override
  public void backward(StepCode code, CodeBlock.Builder out) {
    LayerPlan plan = code.plan();
    out.addStatement("$T.backward($L,$Wgradients,$W$L,$Wrows,$W$L,$W$L)", RuntimeTypes.POSITION_EMBEDDING,
        plan.computedGradient(), code.constant("WEIGHT"), code.constant("LENGTH"), code.constant("DIM"));
    if (plan.inputGradient() != null) {
      out.addStatement("$T.arraycopy($L,$W0,$W$L,$W0,$Wrows * $L)", System.class, plan.computedGradient(),
          plan.inputGradient(), code.out());
    }
  }
}
