package dev.kiln.samples.testing;

import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.KilnTrainer;
import dev.kiln.runtime.optim.Sgd;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Compares a generated trainer's gradients with central finite differences of its own loss, through
 * the public API only ({@code loss} runs one step of the trainer it is given): a trainer with learning rate 0 reports the loss and gradients without moving
 * the parameters, and the parameters are nudged through {@link KilnModel#parameters()}.
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

  /** The parameters whose analytic and numeric gradients disagree, described; empty when all agree. */
  public static List<String> mismatches(KilnModel model, ToDoubleFunction<KilnTrainer> loss) {
    KilnTrainer trainer = model.trainer(Sgd.lr(0f));
    loss.applyAsDouble(trainer);
    float[] analytic = trainer.gradients().clone();
    float[] p = model.parameters();
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < p.length; i++) {
      float original = p[i];
      p[i] = original + EPS;
      double plus = loss.applyAsDouble(trainer);
      p[i] = original - EPS;
      double minus = loss.applyAsDouble(trainer);
      p[i] = original;
      double numeric = (plus - minus) / (2 * EPS);
      if (!(Math.abs(analytic[i] - numeric) <= RTOL * Math.max(Math.abs(analytic[i]), Math.abs(numeric)) + ATOL)) {
        mismatches.add("parameter " + i + ": analytic " + analytic[i] + ", numeric " + numeric);
      }
    }
    return mismatches;
  }
}
