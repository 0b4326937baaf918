package dev.kiln.processor.writing;

import dev.kiln.processor.model.ActivationLayer;
import dev.kiln.processor.model.AvgPool2dLayer;
import dev.kiln.processor.model.BatchNormLayer;
import dev.kiln.processor.model.Conv2dLayer;
import dev.kiln.processor.model.DropoutLayer;
import dev.kiln.processor.model.FlattenLayer;
import dev.kiln.processor.model.LayerKind;
import dev.kiln.processor.model.LayerNormLayer;
import dev.kiln.processor.model.LinearLayer;
import dev.kiln.processor.model.MaxPool2dLayer;
import dev.kiln.processor.model.PReluLayer;
import dev.kiln.processor.model.ResidualLayer;
import dev.kiln.processor.model.EmbeddingLayer;
import dev.kiln.processor.model.PositionEmbeddingLayer;
import dev.kiln.processor.model.SelfAttentionLayer;
import dev.kiln.processor.model.SequencePoolLayer;
import dev.kiln.processor.model.TransformerEncoderLayerKind;

/** The emitter of each kind: a visitor, so that a kind without an emitter does not compile. */
final class Emitters implements LayerKind.Visitor<KindEmitter> {
  private static final Emitters INSTANCE = new Emitters();

  private Emitters() {}

  static KindEmitter of(LayerKind kind) {
    return kind.accept(INSTANCE);
  }

  @Override
  public KindEmitter visitLinear(LinearLayer linear) {
    return new LinearEmitter(linear);
  }

  @Override
  public KindEmitter visitActivation(ActivationLayer activation) {
    return new ActivationEmitter(activation);
  }

  @Override
  public KindEmitter visitPRelu(PReluLayer prelu) {
    return new PReluEmitter(prelu);
  }

  @Override
  public KindEmitter visitDropout(DropoutLayer dropout) {
    return new DropoutEmitter(dropout);
  }

  @Override
  public KindEmitter visitFlatten(FlattenLayer flatten) {
    return new FlattenEmitter(flatten);
  }

  @Override
  public KindEmitter visitConv2d(Conv2dLayer conv) {
    return new Conv2dEmitter(conv);
  }

  @Override
  public KindEmitter visitMaxPool2d(MaxPool2dLayer pool) {
    return new MaxPool2dEmitter(pool);
  }

  @Override
  public KindEmitter visitAvgPool2d(AvgPool2dLayer pool) {
    return new AvgPool2dEmitter(pool);
  }

  @Override
  public KindEmitter visitBatchNorm(BatchNormLayer norm) {
    return new BatchNormEmitter(norm);
  }

  @Override
  public KindEmitter visitLayerNorm(LayerNormLayer norm) {
    return new LayerNormEmitter(norm);
  }

  @Override
  public KindEmitter visitResidual(ResidualLayer residual) {
    return new ResidualEmitter();
  }

  @Override
  public KindEmitter visitEmbedding(EmbeddingLayer embedding) {
    return new EmbeddingEmitter(embedding);
  }

  @Override
  public KindEmitter visitPositionEmbedding(PositionEmbeddingLayer positions) {
    return new PositionEmbeddingEmitter(positions);
  }

  @Override
  public KindEmitter visitSelfAttention(SelfAttentionLayer attention) {
    return new SelfAttentionEmitter(attention);
  }

  @Override
  public KindEmitter visitTransformerEncoderLayer(TransformerEncoderLayerKind encoder) {
    return new TransformerEncoderLayerEmitter(encoder);
  }

  @Override
  public KindEmitter visitSequencePool(SequencePoolLayer pool) {
    return new SequencePoolEmitter(pool);
  }
}
