package dev.kiln.spark.example;

import static dev.kiln.dsl.LossKind.CROSS_ENTROPY;

import dev.kiln.dsl.Linear;
import dev.kiln.dsl.Loss;
import dev.kiln.dsl.Model;
import dev.kiln.dsl.ReLU;
import dev.kiln.runtime.Layer;

/** The Fashion-MNIST sample's 784-128-10 network, trained on Spark by {@link FashionOnSpark}. */
@Model
@Loss(CROSS_ENTROPY)
public interface FashionMlp {
  @Linear(in = 784, out = 128) @ReLU Layer hidden();
  @Linear(out = 10) Layer out();
}
