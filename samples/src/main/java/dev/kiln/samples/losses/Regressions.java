package dev.kiln.samples.losses;

import static dev.kiln.dsl.LossKind.L1;
import static dev.kiln.dsl.LossKind.MSE;
import static dev.kiln.dsl.LossKind.SMOOTH_L1;

import dev.kiln.dsl.Linear;
import dev.kiln.dsl.Loss;
import dev.kiln.dsl.Model;
import dev.kiln.runtime.Layer;

/** One straight line, fitted with three regression losses. */
public final class Regressions {
  private Regressions() {}

  @Model @Loss(MSE)
  public interface SquaredLine {
    @Linear(in = 1, out = 1) Layer line();
  }

  @Model @Loss(L1)
  public interface AbsoluteLine {
    @Linear(in = 1, out = 1) Layer line();
  }

  @Model @Loss(value = SMOOTH_L1, beta = 0.5f)
  public interface SmoothLine {
    @Linear(in = 1, out = 1) Layer line();
  }
}
