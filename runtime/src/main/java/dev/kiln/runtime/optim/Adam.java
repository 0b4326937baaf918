package dev.kiln.runtime.optim;

/**
 * Adam with PyTorch's semantics ({@code torch.optim.Adam}): L2 weight decay added to the gradient,
 * bias-corrected moments, {@code eps} added after the square root, optionally AMSGrad.
 */
public final class Adam extends AdamFamily<Adam> {
  private Adam(AdamSettings settings) {
    super(settings);
  }

  /** Adam with learning rate {@code lr} and PyTorch's defaults: betas (0.9, 0.999), eps 1e-8, no decay. */
  public static Adam lr(float lr) {
    return new Adam(new AdamSettings(lr, 0.9f, 0.999f, 1e-8f, 0f, false));
  }

  @Override
  Adam with(AdamSettings settings) {
    return new Adam(settings);
  }

  @Override
  boolean decoupledDecay() {
    return false;
  }
}
