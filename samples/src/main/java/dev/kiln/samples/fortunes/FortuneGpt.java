package dev.kiln.samples.fortunes;

import static dev.kiln.dsl.LossKind.CROSS_ENTROPY;

import dev.kiln.dsl.Embedding;
import dev.kiln.dsl.FeedForward;
import dev.kiln.dsl.Input;
import dev.kiln.dsl.LayerNorm;
import dev.kiln.dsl.Linear;
import dev.kiln.dsl.Loss;
import dev.kiln.dsl.Model;
import dev.kiln.dsl.PositionEmbedding;
import dev.kiln.dsl.TransformerEncoderLayer;
import dev.kiln.runtime.Layer;

/**
 * A small GPT on characters, as {@code torch_charlm.py} builds it: token and learned position embeddings
 * of 128 features, four pre-norm causal encoder layers (4 heads, feed-forward 512, GELU, dropout 0.1), a
 * final LayerNorm, and a head giving each position the logits of the next character.
 */
@Model
@Input(tokens = 64, vocabulary = 128)
@Loss(CROSS_ENTROPY)
public interface FortuneGpt {
  @Embedding(dim = 128) Layer tokens();
  @PositionEmbedding Layer positions();
  @TransformerEncoderLayer(heads = 4, feedforward = 512, activation = FeedForward.GELU, normFirst = true,
      causal = true) Layer layer0();
  @TransformerEncoderLayer(heads = 4, feedforward = 512, activation = FeedForward.GELU, normFirst = true,
      causal = true) Layer layer1();
  @TransformerEncoderLayer(heads = 4, feedforward = 512, activation = FeedForward.GELU, normFirst = true,
      causal = true) Layer layer2();
  @TransformerEncoderLayer(heads = 4, feedforward = 512, activation = FeedForward.GELU, normFirst = true,
      causal = true) Layer layer3();
  @LayerNorm Layer norm();
  @Linear(out = 128) Layer head();
}
