package dev.kiln.samples.losses;

import static dev.kiln.dsl.LossKind.BCE_WITH_LOGITS;
import static dev.kiln.dsl.LossKind.CROSS_ENTROPY;
import static dev.kiln.dsl.LossKind.FOCAL;

import dev.kiln.dsl.Linear;
import dev.kiln.dsl.Loss;
import dev.kiln.dsl.Model;
import dev.kiln.runtime.Layer;

/** A rare positive class, learned plainly, with a positive weight, with the focal loss, and as two weighted classes. */
public final class Imbalanced {
  private Imbalanced() {}

  @Model @Loss(BCE_WITH_LOGITS)
  public interface Plain {
    @Linear(in = 2, out = 1) Layer out();
  }

  /** Positives are a tenth of the data: a weight of 9 balances them. */
  @Model @Loss(value = BCE_WITH_LOGITS, posWeight = 9)
  public interface PositiveWeighted {
    @Linear(in = 2, out = 1) Layer out();
  }

  @Model @Loss(value = FOCAL, alpha = 0.9f, gamma = 2)
  public interface Focal {
    @Linear(in = 2, out = 1) Layer out();
  }

  @Model @Loss(value = CROSS_ENTROPY, weight = {1, 9})
  public interface ClassWeighted {
    @Linear(in = 2, out = 2) Layer out();
  }
}
