package dev.kiln.runtime.loss;

import dev.kiln.dsl.Reduction;
import java.util.Arrays;

/** {@code nn.NLLLoss}: the negated log-probability of each row's target class, optionally weighted. */
public final class NegativeLogLikelihood implements ClassIndexLoss {
  private final Reduction reduction;
  private final float[] weight;
  private final int ignoreIndex;

  private NegativeLogLikelihood(Reduction reduction, float[] weight, int ignoreIndex) {
    this.reduction = Options.elementwise(reduction, "NLL");
    this.weight = weight;
    this.ignoreIndex = ignoreIndex;
  }

  public static NegativeLogLikelihood of(Reduction reduction) {
    return new NegativeLogLikelihood(reduction, null, -100);
  }

  public NegativeLogLikelihood weight(float... weight) {
    return new NegativeLogLikelihood(reduction, Options.copy(weight), ignoreIndex);
  }

  public NegativeLogLikelihood ignoreIndex(int ignoreIndex) {
    return new NegativeLogLikelihood(reduction, weight, ignoreIndex);
  }

  @Override
  public int ignoreIndex() {
    return ignoreIndex;
  }

  @Override
  public double weight(int[] targets, int rows, int classes) {
    return Targets.classWeightSum(targets, rows, weight, ignoreIndex, reduction);
  }

  @Override
  public float compute(float[] logProbabilities, int[] targets, float[] grad, int rows, int classes) {
    Targets.checkPerOutput("weight", weight, classes, false);
    Targets.checkClassIndices(targets, rows, classes, ignoreIndex);
    Arrays.fill(grad, 0, rows * classes, 0f);
    double total = 0;
    double denominator = 0;
    for (int r = 0; r < rows; r++) {
      int t = targets[r];
      if (t == ignoreIndex) continue;
      double wt = weight == null ? 1 : weight[t];
      total -= wt * logProbabilities[r * classes + t];
      denominator += wt;
    }
    if (reduction == Reduction.MEAN && denominator == 0) {
      return Float.NaN;
    }
    double scale = reduction == Reduction.MEAN ? 1 / denominator : 1;
    for (int r = 0; r < rows; r++) {
      int t = targets[r];
      if (t == ignoreIndex) continue;
      grad[r * classes + t] = (float) (-(weight == null ? 1 : weight[t]) * scale);
    }
    return (float) (total * scale);
  }
}
