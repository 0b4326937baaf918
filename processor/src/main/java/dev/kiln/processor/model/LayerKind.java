package dev.kiln.processor.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One kind of layer as declared: what it needs of its input, the shape it gives, the tensors it owns
 * and what its output can be. Each kind is one record here, read by one reader (see
 * {@code dev.kiln.processor.reading.KindReaders}) and written by one emitter (see
 * {@code dev.kiln.processor.writing.Emitters}); whatever must handle every kind does so through
 * {@link Visitor}, so that a kind left out is a compile error there.
 */
public sealed interface LayerKind permits LinearLayer, ActivationLayer, PReluLayer, DropoutLayer,
    FlattenLayer, Conv2dLayer, MaxPool2dLayer, AvgPool2dLayer, BatchNormLayer, LayerNormLayer, ResidualLayer,
    EmbeddingLayer, PositionEmbeddingLayer, SelfAttentionLayer, TransformerEncoderLayerKind, SequencePoolLayer {
  /** The annotation that declares it, for problems to point at. */
  Origin origin();

  Stage stage();

  /** As the user writes it: {@code Linear} for {@code @Linear}. */
  default String annotationName() {
    return origin().annotationName();
  }

  /**
   * The shape of this kind's output for the shape {@code context} gives it, or empty when it cannot be
   * known. Reports, to the context, what is wrong with the sizes this kind declares.
   */
  Optional<Shape> outputShape(ShapeContext context);

  /** The input shape the kind states itself ({@code @Linear(in = 4)}), whatever comes before it. */
  default Optional<Shape> declaredInput() {
    return Optional.empty();
  }

  /** The tensors the kind owns for this input and output, in state-dict order. */
  default List<TensorDecl> tensors(Shape input, Shape output) {
    return List.of();
  }

  /**
   * The module name of its tensors when another kind of the same member owns tensors too, as PyTorch
   * names a submodule: {@code prelu} in {@code hidden.prelu.weight}.
   */
  default String tensorScope() {
    return annotationName().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether it writes the member's output array. Dropout writes a dropped-out copy of its own, and a
   * reshape writes nothing: its output is its input.
   */
  default boolean writesOutput() {
    return stage() != Stage.DROPOUT;
  }

  /**
   * Whether it hands on the values it reads, only moved or scaled by a positive factor: rules then look
   * through it for the activation that decides what the loss sees.
   */
  default boolean keepsValues() {
    return false;
  }

  /** The values its output can take. */
  default OutputRange range() {
    return OutputRange.ANY;
  }

  /** Whether its gradient needs its input, so that the trainer keeps the input. */
  default boolean needsInput() {
    return false;
  }

  /**
   * Whether it normalises with statistics of the whole training batch, which then differ from the ones
   * it evaluates with: dropout just before it shifts them apart.
   */
  default boolean normalizesOverTheBatch() {
    return false;
  }

  /**
   * How many members back the input it adds to its own comes from: a residual join adds the input of
   * its block, whose members come just before it. 0 for a kind that reads only its own input.
   */
  default int skipsMembers() {
    return 0;
  }

  /**
   * Whether its output in evaluation depends on the other rows of the batch (batch normalization without
   * running statistics), so that a batch cannot be evaluated a slice at a time.
   */
  default boolean evaluatesWithTheBatch() {
    return false;
  }

  /** Whether it reads a token model's ids: only such a kind may come first in a token model. */
  default boolean readsTokens() {
    return false;
  }

  /** Whether it drops values at random in training besides a {@code @Dropout} (attention's own dropout). */
  default boolean drops() {
    return stage() == Stage.DROPOUT;
  }

  /** Whether it lets each position see only itself and the positions before it (causal attention). */
  default boolean masksLaterPositions() {
    return false;
  }

  /**
   * Whether a generator can compute it for new positions only, given what it kept of the earlier ones:
   * a causal language model made only of such kinds generates one position per token.
   */
  default boolean computesNewPositionsOnly() {
    return false;
  }

  /** Whether it keeps only a sequence's first position. */
  default boolean needsOnlyTheFirstPosition() {
    return false;
  }

  /** How the kind reads in comments and summaries: {@code Linear(2 -> 10)}, {@code ReLU}. */
  String describe(Shape input, Shape output);

  <R> R accept(Visitor<R> visitor);

  /** One method per kind: implementing it handles every kind, and a new kind breaks the build until it does. */
  interface Visitor<R> {
    R visitLinear(LinearLayer linear);

    R visitActivation(ActivationLayer activation);

    R visitPRelu(PReluLayer prelu);

    R visitDropout(DropoutLayer dropout);

    R visitFlatten(FlattenLayer flatten);

    R visitConv2d(Conv2dLayer conv);

    R visitMaxPool2d(MaxPool2dLayer pool);

    R visitAvgPool2d(AvgPool2dLayer pool);

    R visitBatchNorm(BatchNormLayer norm);

    R visitLayerNorm(LayerNormLayer norm);

    R visitResidual(ResidualLayer residual);

    R visitEmbedding(EmbeddingLayer embedding);

    R visitPositionEmbedding(PositionEmbeddingLayer positions);

    R visitSelfAttention(SelfAttentionLayer attention);

    R visitTransformerEncoderLayer(TransformerEncoderLayerKind encoder);

    R visitSequencePool(SequencePoolLayer pool);
  }
}
