package dev.kiln.processor.reading;

import dev.kiln.processor.model.ActivationFunction;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every layer annotation Kiln reads, and its reader: the one place a new kind's annotation is added.
 * Indexed by annotation, as Dagger indexes its binding-method validators.
 */
final class KindReaders {
  private static final String DSL = "dev.kiln.dsl.";

  private static final Map<String, KindReader> BY_ANNOTATION = Map.ofEntries(
      Map.entry(DSL + "Linear", new LinearReader()),
      Map.entry(DSL + "ReLU", new ActivationReader(ActivationFunction.RELU)),
      Map.entry(DSL + "LeakyReLU", new ActivationReader(ActivationFunction.LEAKY_RELU)),
      Map.entry(DSL + "ELU", new ActivationReader(ActivationFunction.ELU)),
      Map.entry(DSL + "GELU", new ActivationReader(ActivationFunction.GELU)),
      Map.entry(DSL + "SiLU", new ActivationReader(ActivationFunction.SILU)),
      Map.entry(DSL + "Softplus", new ActivationReader(ActivationFunction.SOFTPLUS)),
      Map.entry(DSL + "Tanh", new ActivationReader(ActivationFunction.TANH)),
      Map.entry(DSL + "Sigmoid", new ActivationReader(ActivationFunction.SIGMOID)),
      Map.entry(DSL + "Softmax", new ActivationReader(ActivationFunction.SOFTMAX)),
      Map.entry(DSL + "LogSoftmax", new ActivationReader(ActivationFunction.LOG_SOFTMAX)),
      Map.entry(DSL + "PReLU", new PReluReader()),
      Map.entry(DSL + "Dropout", new DropoutReader()),
      Map.entry(DSL + "Flatten", new FlattenReader()),
      Map.entry(DSL + "Conv2d", new Conv2dReader()),
      Map.entry(DSL + "MaxPool2d", new MaxPool2dReader()),
      Map.entry(DSL + "AvgPool2d", new AvgPool2dReader()),
      Map.entry(DSL + "BatchNorm1d", new BatchNormReader(false)),
      Map.entry(DSL + "BatchNorm2d", new BatchNormReader(true)),
      Map.entry(DSL + "LayerNorm", new LayerNormReader()),
      Map.entry(DSL + "Embedding", new EmbeddingReader()),
      Map.entry(DSL + "PositionEmbedding", new PositionEmbeddingReader()),
      Map.entry(DSL + "SelfAttention", new SelfAttentionReader()),
      Map.entry(DSL + "TransformerEncoderLayer", new TransformerEncoderLayerReader()),
      Map.entry(DSL + "SequencePool", new SequencePoolReader()));

  private KindReaders() {}

  /** The reader of the annotation {@code qualifiedName}; empty when it is not a layer annotation. */
  static Optional<KindReader> forAnnotation(String qualifiedName) {
    return Optional.ofNullable(BY_ANNOTATION.get(qualifiedName));
  }

  /** The qualified names of every layer annotation, for tests that check the registry is complete. */
  static Set<String> annotations() {
    return BY_ANNOTATION.keySet();
  }
}
