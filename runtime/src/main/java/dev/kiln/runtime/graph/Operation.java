package dev.kiln.runtime.graph;

/**
 * What one step of a layer computes, as an exporter reads it: one record per layer kind, named after
 * the PyTorch module it matches, with its options and the state-dict names of its tensors. A member
 * lists its steps in the order they act ({@code @BatchNorm2d @ReLU}: the normalization, then the ReLU);
 * each step reads the one before, the first reads the member's input.
 *
 * <p>Sealed, and read through {@link OperationVisitor}: a new kind of record is added to {@code permits}
 * and gets a method there, so that every exporter that does not yet know it fails to compile, rather
 * than a network that uses it failing to export at run time.
 */
public sealed interface Operation
    permits LinearOp, Conv2dOp, MaxPool2dOp, AvgPool2dOp,
        FlattenOp, BatchNormOp, LayerNormOp, PReluOp,
        DropoutOp, ResidualAddOp, ActivationOp,
        EmbeddingOp, PositionEmbeddingOp, SelfAttentionOp, TransformerEncoderLayerOp, SequencePoolOp {
  /** {@code visitor}'s method for this kind of operation, applied to it. */
  <R> R accept(OperationVisitor<R> visitor);
}
