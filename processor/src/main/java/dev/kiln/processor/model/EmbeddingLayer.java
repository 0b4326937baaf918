package dev.kiln.processor.model;

import dev.kiln.processor.model.TensorDecl.Dim;
import dev.kiln.processor.model.TensorDecl.Init;
import dev.kiln.processor.validation.Message;
import java.util.List;
import java.util.Optional;

/**
 * {@code @Embedding}: {@code nn.Embedding(vocabulary, dim, padding_idx)}, token ids to a sequence
 * [tokens x dim].
 *
 * @param paddingIndex the padding token, or -1 for none
 */
public record EmbeddingLayer(Origin origin, int dim, int paddingIndex) implements LayerKind {
  @Override
  public Stage stage() {
    return Stage.TRANSFORM;
  }

  @Override
  public boolean readsTokens() {
    return true;
  }

  @Override
  public Optional<Shape> outputShape(ShapeContext context) {
    String name = context.member().name();
    if (context.input().isEmpty()) {
      if (context.first()) {
        context.report(this, null, Message.EMBEDDING_NOT_ON_TOKENS, annotationName(), name, "nothing: the model has no"
            + " @Input(tokens = ..., vocabulary = ...)");
      }
      return Optional.empty();
    }
    if (!(context.input().get() instanceof Shape.Tokens tokens)) {
      context.report(this, null, Message.EMBEDDING_NOT_ON_TOKENS, annotationName(), name,
          Sequences.describe(context.input().get()));
      return Optional.empty();
    }
    if (paddingIndex != -1 && (paddingIndex < 0 || paddingIndex >= tokens.vocabulary())) {
      context.report(this, origin.value("paddingIndex"), Message.PADDING_INDEX_OUT_OF_RANGE, annotationName(),
          paddingIndex, name, tokens.vocabulary(), tokens.vocabulary());
      // The shape still flows on, so that the members after it are checked in the same compile.
    }
    return dim < 1 ? Optional.empty() : Optional.of(new Shape.Sequence(tokens.length(), dim,
        paddingIndex >= 0 && paddingIndex < tokens.vocabulary()));
  }

  @Override
  public List<TensorDecl> tensors(Shape input, Shape output) {
    Dim dims = new Dim("DIM", dim);
    return List.of(TensorDecl.trainable("weight", "WEIGHT", Init.normal(paddingIndex, dims),
        new Dim("VOCABULARY", ((Shape.Tokens) input).vocabulary()), dims));
  }

  @Override
  public boolean computesNewPositionsOnly() {
    return true;
  }

  @Override
  public String describe(Shape input, Shape output) {
    return "Embedding(" + ((Shape.Tokens) input).vocabulary() + ", " + dim
        + (paddingIndex >= 0 ? ", padding " + paddingIndex : "") + ")";
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitEmbedding(this);
  }
}
