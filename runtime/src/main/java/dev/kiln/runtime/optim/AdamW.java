package dev.kiln.runtime.optim;

import java.util.Objects;

/**
 * AdamW with PyTorch's semantics ({@code torch.optim.AdamW}): Adam whose weight decay shrinks the
 * parameters directly, {@code p -= lr · weightDecay · p}, instead of adding to the gradient.
 */
public final class AdamW implements Optimizer {
  private final AdamSettings settings;

  private AdamW(AdamSettings settings) {
    this.settings = settings;
  }

  /** AdamW with learning rate {@code lr} and PyTorch's defaults: betas (0.9, 0.999), eps 1e-8, decay 0.01. */
  public static AdamW lr(float lr) {
    return new AdamW(new AdamSettings(lr, 0.9f, 0.999f, 1e-8f, 0.01f, false));
  }

  public AdamW betas(float beta1, float beta2) {
    return new AdamW(settings.betas(beta1, beta2));
  }

  public AdamW eps(float eps) {
    return new AdamW(settings.eps(eps));
  }

  public AdamW weightDecay(float weightDecay) {
    return new AdamW(settings.weightDecay(weightDecay));
  }

  public AdamW amsgrad(boolean amsgrad) {
    return new AdamW(settings.amsgrad(amsgrad));
  }

  public float lr() { return settings.lr(); }
  public float beta1() { return settings.beta1(); }
  public float beta2() { return settings.beta2(); }
  public float eps() { return settings.eps(); }
  public float weightDecay() { return settings.weightDecay(); }
  public boolean amsgrad() { return settings.amsgrad(); }

  @Override
  public OptimizerState newState(int parameterCount) {
    return new AdamState(settings, true, parameterCount);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AdamW a && a.settings.equals(settings);
  }

  @Override
  public int hashCode() {
    return Objects.hash(AdamW.class, settings);
  }

  @Override
  public String toString() {
    return "AdamW" + settings;
  }
}
