package dev.kiln.runtime.loss;

import dev.kiln.dsl.Reduction;
import dev.kiln.runtime.kernel.KernelProvider;
import dev.kiln.runtime.kernel.LinearKernels;
import java.util.Arrays;

/**
 * {@code nn.CrossEntropyLoss} on logits, fused with its log-softmax: one pass per row yields the row's
 * loss and its gradient, {@code (softmax - target) / N} in the plain case. Class-index targets take
 * class weights, an ignored class and label smoothing; probability targets take weights and smoothing.
 */
public final class CrossEntropy implements ClassIndexLoss, FloatTargetLoss {
  private final Reduction reduction;
  private final float[] weight;
  private final int ignoreIndex;
  private final float labelSmoothing;

  private CrossEntropy(Reduction reduction, float[] weight, int ignoreIndex, float labelSmoothing) {
    this.reduction = Options.elementwise(reduction, "CROSS_ENTROPY");
    this.weight = weight;
    this.ignoreIndex = ignoreIndex;
    if (!(labelSmoothing >= 0f && labelSmoothing <= 1f)) {
      throw new IllegalArgumentException("labelSmoothing = " + labelSmoothing + " is invalid; expected a value in [0, 1]");
    }
    this.labelSmoothing = labelSmoothing;
  }

  /** Cross-entropy with PyTorch's defaults: no weights, no ignored class, no smoothing. */
  public static CrossEntropy of(Reduction reduction) {
    return new CrossEntropy(reduction, null, -100, 0f);
  }

  /** One weight per class; a weighted mean divides by the weights of the non-ignored targets. */
  public CrossEntropy weight(float... weight) {
    return new CrossEntropy(reduction, Options.copy(weight), ignoreIndex, labelSmoothing);
  }

  public CrossEntropy ignoreIndex(int ignoreIndex) {
    return new CrossEntropy(reduction, weight, ignoreIndex, labelSmoothing);
  }

  public CrossEntropy labelSmoothing(float labelSmoothing) {
    return new CrossEntropy(reduction, weight, ignoreIndex, labelSmoothing);
  }

  private double w(int c) {
    return weight == null ? 1.0 : weight[c];
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
  public double weight(float[] targets, int rows, int classes) {
    return reduction == Reduction.SUM ? 1 : rows;
  }

  @Override
  public float compute(float[] logits, int[] targets, float[] grad, int rows, int classes) {
    Targets.checkPerOutput("weight", weight, classes, false);
    Targets.checkClassIndices(targets, rows, classes, ignoreIndex);
    if (weight == null && labelSmoothing == 0f) {
      return KernelProvider.losses().crossEntropy(logits, targets, grad, rows, classes, ignoreIndex,
          reduction == Reduction.MEAN);
    }
    double eps = labelSmoothing;
    double weightSum = 0;
    for (int c = 0; c < classes; c++) weightSum += w(c);
    double nll = 0;
    double smooth = 0;
    double denominator = 0;
    for (int r = 0; r < rows; r++) {
      int off = r * classes;
      int t = targets[r];
      if (t == ignoreIndex) {
        Arrays.fill(grad, off, off + classes, 0f);
        continue;
      }
      // One exponential per logit: e^(z - max) goes into grad, then becomes the softmax in place.
      float max = Float.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) max = Math.max(max, logits[off + c]);
      double sum = 0;
      for (int c = 0; c < classes; c++) {
        float e = (float) Math.exp(logits[off + c] - max);
        grad[off + c] = e;
        sum += e;
      }
      double logSum = max + Math.log(sum);
      double inverse = 1 / sum;
      double wt = w(t);
      denominator += wt;
      nll -= wt * (logits[off + t] - logSum);
      for (int c = 0; c < classes; c++) {
        double p = grad[off + c] * inverse;
        if (eps > 0) smooth -= w(c) * (logits[off + c] - logSum);
        // d/dz of (1 - eps)·w_t·(-log p_t) + (eps / C)·(-Σ_k w_k log p_k)
        double g = (1 - eps) * wt * (p - (c == t ? 1 : 0)) + eps / classes * (p * weightSum - w(c));
        grad[off + c] = (float) g;
      }
    }
    double scale = reduction == Reduction.MEAN ? 1 / denominator : 1;
    if (reduction == Reduction.MEAN && denominator == 0) {
      Arrays.fill(grad, 0, rows * classes, 0f);
      return Float.NaN;
    }
    for (int i = 0; i < rows * classes; i++) grad[i] = (float) (grad[i] * scale);
    return (float) (((1 - eps) * nll + eps / classes * smooth) * scale);
  }

  /**
   * {@link #compute(float[], int[], float[], int, int)} on feature-major logits, [classes x rows], as
   * narrow networks train: the gradient is written in the same layout. Without class weights or
   * smoothing this is one vectorized pass; otherwise the logits are transposed for the general one.
   */
  public float computeFeatureMajor(float[] logitsT, int[] targets, float[] gradT, int rows, int classes) {
    Targets.checkPerOutput("weight", weight, classes, false);
    Targets.checkClassIndices(targets, rows, classes, ignoreIndex);
    if (weight == null && labelSmoothing == 0f) {
      return KernelProvider.losses().crossEntropyT(logitsT, targets, gradT, rows, classes, ignoreIndex,
          reduction == Reduction.MEAN);
    }
    float[] logits = new float[rows * classes];
    float[] grad = new float[rows * classes];
    LinearKernels kernels = KernelProvider.linear();
    kernels.transpose(logitsT, classes, rows, logits);
    float loss = compute(logits, targets, grad, rows, classes);
    kernels.transpose(grad, rows, classes, gradT);
    return loss;
  }

  /** Probability targets: each row of {@code targets} is a distribution over the classes. */
  @Override
  public float compute(float[] logits, float[] targets, float[] grad, int rows, int classes) {
    Targets.checkPerOutput("weight", weight, classes, false);
    Targets.checkSameShape(targets, rows, classes);
    if (ignoreIndex >= 0) {
      throw new IllegalArgumentException("ignoreIndex = " + ignoreIndex + " does not apply to probability targets;"
          + " expected class-index targets (int[])");
    }
    double eps = labelSmoothing;
    double total = 0;
    double scale = reduction == Reduction.MEAN ? 1.0 / rows : 1.0;
    for (int r = 0; r < rows; r++) {
      int off = r * classes;
      double logSum = logSumExp(logits, off, classes);
      double weightedTargets = 0;
      for (int c = 0; c < classes; c++) {
        double t = targets[off + c] * (1 - eps) + eps / classes;
        weightedTargets += w(c) * t;
        total -= w(c) * t * (logits[off + c] - logSum);
      }
      for (int c = 0; c < classes; c++) {
        double t = targets[off + c] * (1 - eps) + eps / classes;
        double p = Math.exp(logits[off + c] - logSum);
        grad[off + c] = (float) ((p * weightedTargets - w(c) * t) * scale);
      }
    }
    return (float) (total * scale);
  }

  /** {@code log Σ e^x} over one row, with the row maximum taken out first so that nothing overflows. */
  static double logSumExp(float[] x, int off, int n) {
    float max = Float.NEGATIVE_INFINITY;
    for (int i = off; i < off + n; i++) max = Math.max(max, x[i]);
    double sum = 0;
    for (int i = off; i < off + n; i++) sum += Math.exp(x[i] - max);
    return max + Math.log(sum);
  }
}
