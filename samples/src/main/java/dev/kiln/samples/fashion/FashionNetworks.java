package dev.kiln.samples.fashion;

import static dev.kiln.dsl.LossKind.CROSS_ENTROPY;
import static dev.kiln.dsl.LossKind.NLL;

import dev.kiln.dsl.Linear;
import dev.kiln.dsl.LogSoftmax;
import dev.kiln.dsl.Loss;
import dev.kiln.dsl.Model;
import dev.kiln.dsl.ReLU;
import dev.kiln.runtime.Layer;

/** The fashion seed's two networks. */
public final class FashionNetworks {
  private FashionNetworks() {}

  /** The seed's "first network": one linear layer, log-softmax, negative log-likelihood. */
  @Model
  @Loss(NLL)
  public interface LinearLogSoftmax {
    @Linear(in = 784, out = 10) @LogSoftmax Layer out();
  }

  /** A hidden layer of 128 ReLU units and cross-entropy on the logits. */
  @Model
  @Loss(CROSS_ENTROPY)
  public interface Mlp {
    @Linear(in = 784, out = 128) @ReLU Layer hidden();
    @Linear(out = 10) Layer out();
  }
}
