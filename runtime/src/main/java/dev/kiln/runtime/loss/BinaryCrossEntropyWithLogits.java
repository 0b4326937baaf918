package dev.kiln.runtime.loss;

import dev.kiln.dsl.Reduction;
import dev.kiln.runtime.kernel.KernelProvider;

/**
 * {@code nn.BCEWithLogitsLoss}: sigmoid and binary cross-entropy in one pass, in the stable form
 * {@code (1-y)x - (1 + (pw-1)y) log σ(x)}, whose gradient is {@code (1 + (pw-1)y) σ(x) - pw·y}.
 */
public final class BinaryCrossEntropyWithLogits extends ElementwiseLoss {
  private final float[] posWeight;
  private final float[] weight;

  private BinaryCrossEntropyWithLogits(Reduction reduction, float[] posWeight, float[] weight) {
    super(reduction, "BCE_WITH_LOGITS");
    this.posWeight = posWeight;
    this.weight = weight;
  }

  public static BinaryCrossEntropyWithLogits of(Reduction reduction) {
    return new BinaryCrossEntropyWithLogits(reduction, null, null);
  }

  /** The weight of positive targets: one per output, or one for all. */
  public BinaryCrossEntropyWithLogits posWeight(float... posWeight) {
    return new BinaryCrossEntropyWithLogits(reduction, Options.copy(posWeight), weight);
  }

  /** One weight per output, applied to every row. */
  public BinaryCrossEntropyWithLogits weight(float... weight) {
    return new BinaryCrossEntropyWithLogits(reduction, posWeight, Options.copy(weight));
  }

  @Override
  public float compute(float[] output, float[] targets, float[] grad, int rows, int cols) {
    if (weight != null || posWeight != null) {
      return super.compute(output, targets, grad, rows, cols);
    }
    // Unweighted, the most common form: one vectorized pass.
    Targets.checkSameShape(targets, rows, cols);
    int n = rows * cols;
    return KernelProvider.losses().bceWithLogits(output, targets, grad, n, (float) Options.scale(reduction, n, rows));
  }

  @Override
  void checkWidth(int cols) {
    Targets.checkPerOutput("posWeight", posWeight, cols, true);
    Targets.checkPerOutput("weight", weight, cols, false);
  }

  @Override
  double term(double x, double y, int col, float[] grad, int i) {
    double w = weight == null ? 1 : weight[col];
    double pw = posWeight == null ? 1 : posWeight[posWeight.length == 1 ? 0 : col];
    double logWeight = 1 + (pw - 1) * y;
    grad[i] = (float) (w * (logWeight * Sigmoids.sigmoid(x) - pw * y));
    return w * ((1 - y) * x - logWeight * Sigmoids.logSigmoid(x));
  }
}
