package dev.kiln.samples.language;

import static dev.kiln.dsl.LossKind.CROSS_ENTROPY;
import static dev.kiln.dsl.SequencePooling.FIRST;

import dev.kiln.dsl.Embedding;
import dev.kiln.dsl.Input;
import dev.kiln.dsl.Linear;
import dev.kiln.dsl.Loss;
import dev.kiln.dsl.Model;
import dev.kiln.dsl.PositionEmbedding;
import dev.kiln.dsl.SequencePool;
import dev.kiln.dsl.TransformerEncoderLayer;
import dev.kiln.runtime.Layer;

/**
 * Which language a word is written in: a word is [CLS] and its letters, padded to 24 tokens; two
 * Transformer encoder layers read it, and the [CLS] position's features go into a bare Linear, the
 * logits cross-entropy takes (a @Softmax there would not compile).
 */
@Model
@Input(tokens = 24, vocabulary = 64)
@Loss(CROSS_ENTROPY)
public interface WordLanguage {
  @Embedding(dim = 64, paddingIndex = 0)                 Layer tokens();     // [24 x 64]
  @PositionEmbedding                                     Layer positions();  // + learned [24 x 64]
  @TransformerEncoderLayer(heads = 4, feedforward = 128) Layer layer0();
  @TransformerEncoderLayer(heads = 4, feedforward = 128) Layer layer1();
  @SequencePool(FIRST)                                   Layer cls();        // [64]
  @Linear(out = 5)                                       Layer head();
}
