package dev.kiln.runtime.optim;

/** The hyper-parameters Adam and AdamW share, each checked as it is set. */
record AdamSettings(float lr, float beta1, float beta2, float eps, float weightDecay, boolean amsgrad) {
  AdamSettings {
    HyperParameters.nonNegative("lr", lr);
    HyperParameters.inUnitInterval("beta1", beta1);
    HyperParameters.inUnitInterval("beta2", beta2);
    HyperParameters.positive("eps", eps);
    HyperParameters.nonNegative("weightDecay", weightDecay);
  }

  AdamSettings betas(float beta1, float beta2) {
    return new AdamSettings(lr, beta1, beta2, eps, weightDecay, amsgrad);
  }

  AdamSettings eps(float eps) {
    return new AdamSettings(lr, beta1, beta2, eps, weightDecay, amsgrad);
  }

  AdamSettings weightDecay(float weightDecay) {
    return new AdamSettings(lr, beta1, beta2, eps, weightDecay, amsgrad);
  }

  AdamSettings amsgrad(boolean amsgrad) {
    return new AdamSettings(lr, beta1, beta2, eps, weightDecay, amsgrad);
  }

  @Override
  public String toString() {
    return "[lr=" + lr + ", betas=(" + beta1 + ", " + beta2 + "), eps=" + eps + ", weightDecay=" + weightDecay
        + ", amsgrad=" + amsgrad + "]";
  }
}
