package dev.kiln.runtime.optim;

import java.util.Objects;

/**
 * Adam with PyTorch's semantics ({@code torch.optim.Adam}): L2 weight decay added to the gradient,
 * bias-corrected moments, {@code eps} added after the square root, optionally AMSGrad.
 */
public final class Adam implements Optimizer {
  private final AdamSettings settings;

  private Adam(AdamSettings settings) {
    this.settings = settings;
  }

  /** Adam with learning rate {@code lr} and PyTorch's defaults: betas (0.9, 0.999), eps 1e-8, no decay. */
  public static Adam lr(float lr) {
    return new Adam(new AdamSettings(lr, 0.9f, 0.999f, 1e-8f, 0f, false));
  }

  public Adam betas(float beta1, float beta2) {
    return new Adam(settings.betas(beta1, beta2));
  }

  public Adam eps(float eps) {
    return new Adam(settings.eps(eps));
  }

  public Adam weightDecay(float weightDecay) {
    return new Adam(settings.weightDecay(weightDecay));
  }

  public Adam amsgrad(boolean amsgrad) {
    return new Adam(settings.amsgrad(amsgrad));
  }

  public float lr() { return settings.lr(); }
  public float beta1() { return settings.beta1(); }
  public float beta2() { return settings.beta2(); }
  public float eps() { return settings.eps(); }
  public float weightDecay() { return settings.weightDecay(); }
  public boolean amsgrad() { return settings.amsgrad(); }

  @Override
  public OptimizerState newState(int parameterCount) {
    return new AdamState(settings, false, parameterCount);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Adam a && a.settings.equals(settings);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Adam.class, settings);
  }

  @Override
  public String toString() {
    return "Adam" + settings;
  }
}
