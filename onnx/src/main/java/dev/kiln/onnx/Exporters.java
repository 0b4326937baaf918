package dev.kiln.onnx;

import dev.kiln.runtime.graph.ActivationOp;
import dev.kiln.runtime.graph.AvgPool2dOp;
import dev.kiln.runtime.graph.BatchNormOp;
import dev.kiln.runtime.graph.Conv2dOp;
import dev.kiln.runtime.graph.DropoutOp;
import dev.kiln.runtime.graph.EmbeddingOp;
import dev.kiln.runtime.graph.PositionEmbeddingOp;
import dev.kiln.runtime.graph.SelfAttentionOp;
import dev.kiln.runtime.graph.SequencePoolOp;
import dev.kiln.runtime.graph.TransformerEncoderLayerOp;
import dev.kiln.runtime.graph.FlattenOp;
import dev.kiln.runtime.graph.LayerNormOp;
import dev.kiln.runtime.graph.LinearOp;
import dev.kiln.runtime.graph.MaxPool2dOp;
import dev.kiln.runtime.graph.PReluOp;
import dev.kiln.runtime.graph.ResidualAddOp;
import dev.kiln.runtime.graph.Operation;
import dev.kiln.runtime.graph.OperationVisitor;

/**
 * The exporter of each kind of operation, chosen by {@link Operation#accept}: a kind without an exporter
 * here does not compile.
 */
final class Exporters implements OperationVisitor<Value> {
  private static final LinearExporter LINEAR = new LinearExporter();
  private static final Conv2dExporter CONV2D = new Conv2dExporter();
  private static final MaxPool2dExporter MAX_POOL2D = new MaxPool2dExporter();
  private static final AvgPool2dExporter AVG_POOL2D = new AvgPool2dExporter();
  private static final FlattenExporter FLATTEN = new FlattenExporter();
  private static final BatchNormExporter BATCH_NORM = new BatchNormExporter();
  private static final LayerNormExporter LAYER_NORM = new LayerNormExporter();
  private static final PReluExporter PRELU = new PReluExporter();
  private static final DropoutExporter DROPOUT = new DropoutExporter();
  private static final ResidualAddExporter RESIDUAL_ADD = new ResidualAddExporter();
  private static final ActivationExporter ACTIVATION = new ActivationExporter();
  private static final EmbeddingExporter EMBEDDING = new EmbeddingExporter();
  private static final PositionEmbeddingExporter POSITION_EMBEDDING = new PositionEmbeddingExporter();
  private static final SelfAttentionExporter SELF_ATTENTION = new SelfAttentionExporter();
  private static final TransformerEncoderLayerExporter TRANSFORMER_ENCODER_LAYER =
      new TransformerEncoderLayerExporter();
  private static final SequencePoolExporter SEQUENCE_POOL = new SequencePoolExporter();

  private final Value input;
  private final ExportContext context;

  private Exporters(Value input, ExportContext context) {
    this.input = input;
    this.context = context;
  }

  /** Adds the nodes of {@code operation} on {@code input}; returns their output. */
  static Value export(Operation operation, Value input, ExportContext context) {
    return operation.accept(new Exporters(input, context));
  }

  @Override
  public Value linear(LinearOp op) {
    return LINEAR.export(op, input, context);
  }

  @Override
  public Value conv2d(Conv2dOp op) {
    return CONV2D.export(op, input, context);
  }

  @Override
  public Value maxPool2d(MaxPool2dOp op) {
    return MAX_POOL2D.export(op, input, context);
  }

  @Override
  public Value avgPool2d(AvgPool2dOp op) {
    return AVG_POOL2D.export(op, input, context);
  }

  @Override
  public Value flatten(FlattenOp op) {
    return FLATTEN.export(op, input, context);
  }

  @Override
  public Value batchNorm(BatchNormOp op) {
    return BATCH_NORM.export(op, input, context);
  }

  @Override
  public Value layerNorm(LayerNormOp op) {
    return LAYER_NORM.export(op, input, context);
  }

  @Override
  public Value prelu(PReluOp op) {
    return PRELU.export(op, input, context);
  }

  @Override
  public Value dropout(DropoutOp op) {
    return DROPOUT.export(op, input, context);
  }

  @Override
  public Value residualAdd(ResidualAddOp op) {
    return RESIDUAL_ADD.export(op, input, context);
  }

  @Override
  public Value activation(ActivationOp op) {
    return ACTIVATION.export(op, input, context);
  }

  @Override
  public Value embedding(EmbeddingOp op) {
    return EMBEDDING.export(op, input, context);
  }

  @Override
  public Value positionEmbedding(PositionEmbeddingOp op) {
    return POSITION_EMBEDDING.export(op, input, context);
  }

  @Override
  public Value selfAttention(SelfAttentionOp op) {
    return SELF_ATTENTION.export(op, input, context);
  }

  @Override
  public Value transformerEncoderLayer(TransformerEncoderLayerOp op) {
    return TRANSFORMER_ENCODER_LAYER.export(op, input, context);
  }

  @Override
  public Value sequencePool(SequencePoolOp op) {
    return SEQUENCE_POOL.export(op, input, context);
  }
}
