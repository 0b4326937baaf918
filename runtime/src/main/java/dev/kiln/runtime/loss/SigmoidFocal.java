package dev.kiln.runtime.loss;

import dev.kiln.dsl.Reduction;

/**
 * torchvision's {@code sigmoid_focal_loss} on logits: binary cross-entropy scaled by
 * {@code (1 - p_t)^gamma}, and by {@code alpha_t} unless alpha is -1.
 */
public final class SigmoidFocal extends ElementwiseLoss {
  private final float alpha;
  private final float gamma;

  private SigmoidFocal(Reduction reduction, float alpha, float gamma) {
    super(reduction, "FOCAL");
    if (!(alpha == -1f || (alpha >= 0f && alpha <= 1f))) {
      throw new IllegalArgumentException("alpha = " + alpha + " is invalid; expected a value in [0, 1], or -1 for none");
    }
    this.alpha = alpha;
    this.gamma = Options.atLeast("gamma", gamma, 0f);
  }

  /** torchvision's defaults: alpha 0.25, gamma 2. */
  public static SigmoidFocal of(Reduction reduction) {
    return new SigmoidFocal(reduction, 0.25f, 2f);
  }

  public SigmoidFocal alpha(float alpha) {
    return new SigmoidFocal(reduction, alpha, gamma);
  }

  public SigmoidFocal gamma(float gamma) {
    return new SigmoidFocal(reduction, alpha, gamma);
  }

  @Override
  double term(double x, double y, int col, float[] grad, int i) {
    double p = Sigmoids.sigmoid(x);
    double ce = (1 - y) * x - Sigmoids.logSigmoid(x);
    double dce = p - y;
    double oneMinusPt = 1 - (p * y + (1 - p) * (1 - y));
    double modulator = gamma == 0 ? 1 : Math.pow(oneMinusPt, gamma);
    // d(1 - p_t)/dx = -(2y - 1)·p(1 - p); PyTorch's pow backward is 0 when the exponent is 0.
    double dModulator = gamma == 0 ? 0 : -gamma * Math.pow(oneMinusPt, gamma - 1) * (2 * y - 1) * p * (1 - p);
    double alphaT = alpha < 0 ? 1 : alpha * y + (1 - alpha) * (1 - y);
    grad[i] = (float) (alphaT * (dce * modulator + ce * dModulator));
    return alphaT * ce * modulator;
  }
}
