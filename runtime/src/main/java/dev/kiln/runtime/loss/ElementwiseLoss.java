package dev.kiln.runtime.loss;

import dev.kiln.dsl.Reduction;

/**
 * A loss that is a sum of one term per output: subclasses give the term and its derivative, this
 * class checks the targets and applies the reduction.
 */
abstract class ElementwiseLoss implements FloatTargetLoss {
  final Reduction reduction;

  /** A loss that takes MEAN or SUM. */
  ElementwiseLoss(Reduction reduction, String name) {
    this.reduction = Options.elementwise(reduction, name);
  }

  /** A loss that takes every reduction, BATCHMEAN included. */
  ElementwiseLoss(Reduction reduction) {
    this.reduction = reduction;
  }

  /** Checks options that depend on the output's width; none by default. */
  void checkWidth(int cols) {}

  /**
   * The term for output {@code x} with target {@code y} in column {@code col}; writes its derivative
   * with respect to x into {@code grad[i]}.
   */
  abstract double term(double x, double y, int col, float[] grad, int i);

  @Override
  public double weight(float[] targets, int rows, int cols) {
    return 1 / Options.scale(reduction, rows * cols, rows);
  }

  @Override
  public float compute(float[] output, float[] targets, float[] grad, int rows, int cols) {
    checkWidth(cols);
    Targets.checkSameShape(targets, rows, cols);
    int n = rows * cols;
    double scale = Options.scale(reduction, n, rows);
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += term(output[i], targets[i], i % cols, grad, i);
      grad[i] = (float) (grad[i] * scale);
    }
    return (float) (total * scale);
  }
}
