package dev.kiln.runtime.testing;

import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.KilnTrainer;
import dev.kiln.runtime.optim.Sgd;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Compares a generated trainer's gradients with central finite differences of its own loss, through
 * the public API only: a trainer with learning rate 0 reports the loss and gradients without moving
 * the parameters, and the parameters are nudged through {@link KilnModel#parameters()}. Each loss is
 * evaluated on a fresh trainer, so that a seeded trainer draws the same dropout masks every time.
 */
public final class GradientChecker {
  /**
   * Step of the central difference: small enough to rarely step across a ReLU kink, large enough that
   * float32 rounding of the loss (about 1e-7) stays well below {@link #ATOL}.
   */
  private static final float EPS = 1e-3f;
  private static final double RTOL = 2e-2;
  private static final double ATOL = 1e-3;

  private GradientChecker() {}

  /** As {@link #mismatches(KilnModel, Supplier, ToDoubleFunction)}, with plain trainers at learning rate 0. */
  public static List<String> mismatches(KilnModel model, ToDoubleFunction<KilnTrainer> loss) {
    return mismatches(model, () -> model.trainer(Sgd.lr(0f)), loss);
  }

  /**
   * The parameters whose analytic and numeric gradients disagree, described; empty when all agree.
   * A disagreement only counts where the loss is smooth: where the central difference changes with
   * the step, or the finer step agrees, the larger step crossed a kink (a ReLU at 0) and says nothing.
   *
   * @param trainers makes a trainer with learning rate 0; each call must give one that behaves alike
   * @param loss runs one step of the trainer it is given and returns the loss
   */
  public static List<String> mismatches(KilnModel model, Supplier<KilnTrainer> trainers,
      ToDoubleFunction<KilnTrainer> loss) {
    KilnTrainer first = trainers.get();
    double value = loss.applyAsDouble(first);
    float[] analytic = first.gradients().clone();
    float[] p = model.parameters();
    // A float loss is only known to about an ulp, so a central difference only to an ulp over the step:
    // below that, a summed loss of many terms cannot tell a small gradient from 0.
    double resolution = 4 * Math.ulp((float) Math.abs(value)) / (2 * (EPS / 4));
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < p.length; i++) {
      double numeric = centralDifference(p, i, EPS, trainers, loss);
      if (close(analytic[i], numeric, resolution)) {
        continue;
      }
      double finer = centralDifference(p, i, EPS / 4, trainers, loss);
      // Where only the larger step disagrees, it crossed a kink that the finer one did not.
      boolean smooth = close(numeric, finer, resolution) && !close(analytic[i], finer, resolution);
      if (smooth) {
        mismatches.add("parameter " + i + ": analytic " + analytic[i] + ", numeric " + numeric);
      }
    }
    return mismatches;
  }

  private static double centralDifference(float[] p, int i, float eps, Supplier<KilnTrainer> trainers,
      ToDoubleFunction<KilnTrainer> loss) {
    float original = p[i];
    p[i] = original + eps;
    double plus = loss.applyAsDouble(trainers.get());
    p[i] = original - eps;
    double minus = loss.applyAsDouble(trainers.get());
    p[i] = original;
    return (plus - minus) / (2 * eps);
  }

  private static boolean close(double a, double b, double resolution) {
    return Math.abs(a - b) <= RTOL * Math.max(Math.abs(a), Math.abs(b)) + ATOL + resolution;
  }
}
