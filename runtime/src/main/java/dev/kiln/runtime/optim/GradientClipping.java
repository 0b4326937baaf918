package dev.kiln.runtime.optim;

/** {@code torch.nn.utils.clip_grad_norm_}: scales all gradients together so their global L2 norm is at most a bound. */
public final class GradientClipping {
  /** PyTorch adds this to the norm before dividing, so that a zero gradient stays zero. */
  private static final double EPS = 1e-6;

  private GradientClipping() {}

  /**
   * Scales {@code grads} by {@code min(1, maxNorm / (norm + 1e-6))} and returns the norm before
   * scaling, as PyTorch does.
   */
  public static float clipByGlobalNorm(float[] grads, float maxNorm) {
    double sum = 0;
    for (float g : grads) sum += (double) g * g;
    float norm = (float) Math.sqrt(sum);
    float coefficient = (float) (maxNorm / (norm + EPS));
    if (coefficient < 1f) {
      for (int i = 0; i < grads.length; i++) grads[i] *= coefficient;
    }
    return norm;
  }
}
