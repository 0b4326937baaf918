package dev.kiln.spark;

import static dev.kiln.dsl.LossKind.BCE_WITH_LOGITS;
import static dev.kiln.dsl.LossKind.CROSS_ENTROPY;
import static dev.kiln.dsl.LossKind.MSE;

import dev.kiln.dsl.BatchNorm1d;
import dev.kiln.dsl.Dropout;
import dev.kiln.dsl.Embedding;
import dev.kiln.dsl.Input;
import dev.kiln.dsl.Linear;
import dev.kiln.dsl.Loss;
import dev.kiln.dsl.Model;
import dev.kiln.dsl.ReLU;
import dev.kiln.dsl.SequencePool;
import dev.kiln.dsl.SequencePooling;
import dev.kiln.dsl.Tanh;
import dev.kiln.dsl.TransformerEncoderLayer;
import dev.kiln.runtime.Layer;

/** The networks the Spark tests train, each on Spark and in one JVM. */
final class SparkNetworks {
  private SparkNetworks() {}

  @Model @Loss(CROSS_ENTROPY)
  interface Classifier {
    @Linear(in = 6, out = 8) @ReLU Layer hidden();
    @Linear(out = 3) Layer out();
  }

  /** Cross-entropy whose classes weigh differently and whose class 1 is ignored. */
  @Model @Loss(value = CROSS_ENTROPY, weight = {0.5f, 1f, 2f, 3f}, ignoreIndex = 1)
  interface WeightedClassifier {
    @Linear(in = 6, out = 8) @Tanh Layer hidden();
    @Linear(out = 4) Layer out();
  }

  /** Three independent binary outputs, positives weighted per output. */
  @Model @Loss(value = BCE_WITH_LOGITS, posWeight = {3f, 0.5f, 1.5f})
  interface MultiLabel {
    @Linear(in = 6, out = 8) @ReLU Layer hidden();
    @Linear(out = 3) Layer out();
  }

  @Model @Input(features = 6) @Loss(CROSS_ENTROPY)
  interface Normalized {
    @Linear(out = 8, bias = false) Layer hidden();
    @BatchNorm1d @ReLU Layer norm();
    @Linear(out = 3) Layer out();
  }

  @Model @Loss(MSE)
  interface Dropping {
    @Linear(in = 6, out = 16) @Tanh @Dropout(p = 0.3f) Layer hidden();
    @Linear(out = 2) Layer out();
  }

  /** A token model: padded ids, an encoder without dropout, mean-pooled. */
  @Model @Input(tokens = 5, vocabulary = 9) @Loss(CROSS_ENTROPY)
  interface Tokens {
    @Embedding(dim = 6, paddingIndex = 0) Layer tokens();
    @TransformerEncoderLayer(heads = 2, feedforward = 8, dropout = 0f) Layer encoder();
    @SequencePool(SequencePooling.MEAN) Layer pool();
    @Linear(out = 3) Layer head();
  }

  /** Wide enough that a step's task on 10,000 rows takes tens of milliseconds: time to kill its executor. */
  @Model @Loss(CROSS_ENTROPY)
  interface Wide {
    @Linear(in = 64, out = 256) @ReLU Layer hidden();
    @Linear(out = 256) @ReLU Layer hidden2();
    @Linear(out = 10) Layer out();
  }
}
