package dev.kiln.runtime.optim;

/**
 * AdamW with PyTorch's semantics ({@code torch.optim.AdamW}): Adam whose weight decay shrinks the
 * parameters directly, {@code p -= lr · weightDecay · p}, instead of adding to the gradient.
 */
public final class AdamW extends AdamFamily<AdamW> {
  private AdamW(AdamSettings settings) {
    super(settings);
  }

  /** AdamW with learning rate {@code lr} and PyTorch's defaults: betas (0.9, 0.999), eps 1e-8, decay 0.01. */
  public static AdamW lr(float lr) {
    return new AdamW(new AdamSettings(lr, 0.9f, 0.999f, 1e-8f, 0.01f, false));
  }

  @Override
  AdamW with(AdamSettings settings) {
    return new AdamW(settings);
  }

  @Override
  boolean decoupledDecay() {
    return true;
  }
}
