package dev.kiln.runtime.graph;

/**
 * One method per kind of {@link Operation}: what an exporter implements, so that the compiler checks it
 * knows every kind.
 *
 * @param <R> what each method returns (an exporter: the value the operation's nodes compute)
 */
public interface OperationVisitor<R> {
  R linear(LinearOp op);

  R conv2d(Conv2dOp op);

  R maxPool2d(MaxPool2dOp op);

  R avgPool2d(AvgPool2dOp op);

  R flatten(FlattenOp op);

  R batchNorm(BatchNormOp op);

  R layerNorm(LayerNormOp op);

  R prelu(PReluOp op);

  R dropout(DropoutOp op);

  R residualAdd(ResidualAddOp op);

  R activation(ActivationOp op);

  R embedding(EmbeddingOp op);

  R positionEmbedding(PositionEmbeddingOp op);

  R selfAttention(SelfAttentionOp op);

  R transformerEncoderLayer(TransformerEncoderLayerOp op);

  R sequencePool(SequencePoolOp op);
}
