package dev.kiln.runtime.optim;

import java.util.Objects;

/**
 * What Adam and AdamW share: their hyper-parameters, withers that return the optimizer's own type, and
 * equality. They differ only in how weight decay applies, which {@link #decoupledDecay()} says.
 */
abstract class AdamFamily<T extends AdamFamily<T>> implements Optimizer {
  final AdamSettings settings;

  AdamFamily(AdamSettings settings) {
    this.settings = settings;
  }

  /** The same optimizer with other settings. */
  abstract T with(AdamSettings settings);

  /** Whether weight decay shrinks the parameters directly (AdamW) rather than joining the gradient (Adam). */
  abstract boolean decoupledDecay();

  public T betas(float beta1, float beta2) {
    return with(settings.betas(beta1, beta2));
  }

  public T eps(float eps) {
    return with(settings.eps(eps));
  }

  public T weightDecay(float weightDecay) {
    return with(settings.weightDecay(weightDecay));
  }

  public T amsgrad(boolean amsgrad) {
    return with(settings.amsgrad(amsgrad));
  }

  public float lr() { return settings.lr(); }
  public float beta1() { return settings.beta1(); }
  public float beta2() { return settings.beta2(); }
  public float eps() { return settings.eps(); }
  public float weightDecay() { return settings.weightDecay(); }
  public boolean amsgrad() { return settings.amsgrad(); }

  @Override
  public OptimizerState newState(int parameterCount) {
    return new AdamState(settings, decoupledDecay(), parameterCount);
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && ((AdamFamily<?>) o).settings.equals(settings);
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass(), settings);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + settings;
  }
}
