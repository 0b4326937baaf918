package dev.kiln.benchmarks;

import static dev.kiln.dsl.LossKind.BCE_WITH_LOGITS;
import static dev.kiln.dsl.LossKind.CROSS_ENTROPY;

import dev.kiln.dsl.Conv2d;
import dev.kiln.dsl.Flatten;
import dev.kiln.dsl.Input;
import dev.kiln.dsl.TransformerEncoderLayer;
import dev.kiln.dsl.SequencePooling;
import dev.kiln.dsl.SequencePool;
import dev.kiln.dsl.PositionEmbedding;
import dev.kiln.dsl.LayerNorm;
import dev.kiln.dsl.Embedding;
import dev.kiln.dsl.Linear;
import dev.kiln.dsl.Loss;
import dev.kiln.dsl.MaxPool2d;
import dev.kiln.dsl.Model;
import dev.kiln.dsl.ReLU;
import dev.kiln.runtime.Layer;

/**
 * The networks of {@code shared/bench/torch_bench.py}, {@code torch_cnn_bench.py} and {@code torch_seq_bench.py}
 * that no sample declares;
 * the others (784-128-10, LeNet-5, the tutorial CNN, MiniResNet) are the samples' own.
 */
public final class Workloads {
  private Workloads() {}

  @Model @Loss(CROSS_ENTROPY)
  public interface Blobs {
    @Linear(in = 2, out = 10) @ReLU Layer hidden();
    @Linear(out = 2) Layer out();
  }

  @Model @Loss(CROSS_ENTROPY)
  public interface Linear43 {
    @Linear(in = 4, out = 3) Layer out();
  }

  @Model @Loss(BCE_WITH_LOGITS)
  public interface Binary {
    @Linear(in = 20, out = 16) @ReLU Layer hidden();
    @Linear(out = 1) Layer out();
  }

  @Model @Loss(CROSS_ENTROPY)
  public interface WideMlp {
    @Linear(in = 784, out = 512) @ReLU Layer first();
    @Linear(out = 512) @ReLU Layer second();
    @Linear(out = 10) Layer out();
  }

  /** CIFAR-shaped, two VGG stages: the convolutions dominate. */
  @Model @Input(channels = 3, height = 32, width = 32) @Loss(CROSS_ENTROPY)
  public interface SmallVgg {
    @Conv2d(out = 32, kernel = 3, padding = 1) @ReLU Layer conv1();
    @Conv2d(out = 32, kernel = 3, padding = 1) @ReLU Layer conv2();
    @MaxPool2d(kernel = 2) Layer pool1();
    @Conv2d(out = 64, kernel = 3, padding = 1) @ReLU Layer conv3();
    @Conv2d(out = 64, kernel = 3, padding = 1) @ReLU Layer conv4();
    @MaxPool2d(kernel = 2) Layer pool2();
    @Flatten Layer flatten();
    @Linear(out = 256) @ReLU Layer fc1();
    @Linear(out = 10) Layer fc2();
  }

  /** {@code torch_seq_bench.py}'s encoder-2x64-l32: two post-norm layers, [CLS] into a Linear head. */
  @Model @Input(tokens = 32, vocabulary = 64) @Loss(CROSS_ENTROPY)
  public interface EncoderSmall {
    @Embedding(dim = 64, paddingIndex = 0) Layer tokens();
    @PositionEmbedding Layer positions();
    @TransformerEncoderLayer(heads = 4, feedforward = 256) Layer layer0();
    @TransformerEncoderLayer(heads = 4, feedforward = 256) Layer layer1();
    @SequencePool(SequencePooling.FIRST) Layer cls();
    @Linear(out = 5) Layer head();
  }

  /** {@code torch_seq_bench.py}'s encoder-4x128-l64. */
  @Model @Input(tokens = 64, vocabulary = 1000) @Loss(CROSS_ENTROPY)
  public interface EncoderLarge {
    @Embedding(dim = 128, paddingIndex = 0) Layer tokens();
    @PositionEmbedding Layer positions();
    @TransformerEncoderLayer(heads = 4, feedforward = 512) Layer layer0();
    @TransformerEncoderLayer(heads = 4, feedforward = 512) Layer layer1();
    @TransformerEncoderLayer(heads = 4, feedforward = 512) Layer layer2();
    @TransformerEncoderLayer(heads = 4, feedforward = 512) Layer layer3();
    @SequencePool(SequencePooling.FIRST) Layer cls();
    @Linear(out = 5) Layer head();
  }

  /** {@code torch_seq_bench.py}'s gpt-4x128-l64: causal pre-norm layers, a final norm, the next token at every position. */
  @Model @Input(tokens = 64, vocabulary = 96) @Loss(value = CROSS_ENTROPY, ignoreIndex = -100)
  public interface Gpt {
    @Embedding(dim = 128, paddingIndex = 0) Layer tokens();
    @PositionEmbedding Layer positions();
    @TransformerEncoderLayer(heads = 4, feedforward = 512, normFirst = true, causal = true) Layer layer0();
    @TransformerEncoderLayer(heads = 4, feedforward = 512, normFirst = true, causal = true) Layer layer1();
    @TransformerEncoderLayer(heads = 4, feedforward = 512, normFirst = true, causal = true) Layer layer2();
    @TransformerEncoderLayer(heads = 4, feedforward = 512, normFirst = true, causal = true) Layer layer3();
    @LayerNorm Layer norm();
    @Linear(out = 96) Layer head();
  }
}
