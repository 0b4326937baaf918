package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.model.EmbeddingLayer;
import dev.kiln.processor.model.Shape;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code @Embedding}: checks the batch's token ids and marks its padding (in the {@code padding} field the
 * model and the trainer each hold, which attention and pooling read), then copies each token's row; its
 * backward pass adds each position's gradient to its token's row.
 */
final class EmbeddingEmitter implements KindEmitter {
  private final EmbeddingLayer embedding;

  EmbeddingEmitter(EmbeddingLayer embedding) {
    this.embedding = embedding;
  }

  private static Shape.Tokens tokens(StepCode code) {
    return (Shape.Tokens) code.step().input();
  }

  @Override
  public List<FieldSpec> constants(StepCode code) {
    return List.of(
        FieldSpec.builder(TypeName.INT, code.constant("SEQUENCE_LENGTH"), Modifier.STATIC, Modifier.FINAL)
            .initializer("$L", tokens(code).length()).build(),
        FieldSpec.builder(TypeName.INT, code.constant("PADDING_INDEX"), Modifier.STATIC, Modifier.FINAL)
            .initializer("$L", embedding.paddingIndex()).build());
  }

  @Override
  public List<FieldSpec> fields(StepCode code) {
    return List.of(FieldSpec.builder(RuntimeTypes.PADDING_MASK, SequenceSteps.PADDING, Modifier.PRIVATE,
            Modifier.FINAL)
        .addJavadoc("The last batch's padding positions, which attention and pooling skip.\n")
        .initializer("new $T()", RuntimeTypes.PADDING_MASK).build());
  }

  @Override
  public CodeBlock operation(StepCode code) {
    return CodeBlock.of("new $T($L,$W$L,$W$L,$W$L)", RuntimeTypes.EMBEDDING_OP, tokens(code).vocabulary(),
        embedding.dim(), embedding.paddingIndex(), code.tensorName("weight"));
  }

  private static void lookup(StepCode code, String input, String output, CodeBlock.Builder out) {
    out.addStatement("$L.check($L,$Wrows,$W$L,$W$L,$W$L)", SequenceSteps.PADDING, input,
        code.constant("SEQUENCE_LENGTH"), code.constant("VOCABULARY"), code.constant("PADDING_INDEX"));
    out.addStatement("$T.forward($L,$Wparameters,$W$L,$W$L,$Wrows * $L,$W$L)", RuntimeTypes.EMBEDDING, input,
        code.constant("WEIGHT"), output, code.constant("SEQUENCE_LENGTH"), code.constant("DIM"));
  }

  @Override
  public void inference(StepCode code, String input, String output, CodeBlock.Builder out) {
    lookup(code, input, output, out);
  }

  @Override
  public void forward(StepCode code, CodeBlock.Builder out) {
    lookup(code, code.plan().input(), code.plan().computed(), out);
  }

  @Override
  public void backward(StepCode code, CodeBlock.Builder out) {
    out.addStatement("$T.backward($L,$W$L,$Wgradients,$W$L,$Wrows * $L,$W$L,$W$L,$W$L)", RuntimeTypes.EMBEDDING,
        code.plan().input(), code.plan().computedGradient(), code.constant("WEIGHT"),
        code.constant("SEQUENCE_LENGTH"), code.constant("DIM"), code.constant("VOCABULARY"),
        code.constant("PADDING_INDEX"));
  }
}
