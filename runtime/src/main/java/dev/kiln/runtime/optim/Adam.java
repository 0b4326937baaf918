package dev.kiln.runtime.optim;

import java.util.Objects;

/**
 * Adam with PyTorch's semantics ({@code torch.optim.Adam}): L2 weight decay added to the gradient,
 * bias-corrected moments, {@code eps} added after the square root.
 */
public final class Adam implements Optimizer {
  private final float lr;
  private final float beta1;
  private final float beta2;
  private final float eps;
  private final float weightDecay;

  private Adam(float lr, float beta1, float beta2, float eps, float weightDecay) {
    this.lr = HyperParameters.nonNegative("lr", lr);
    this.beta1 = HyperParameters.inUnitInterval("beta1", beta1);
    this.beta2 = HyperParameters.inUnitInterval("beta2", beta2);
    this.eps = HyperParameters.positive("eps", eps);
    this.weightDecay = HyperParameters.nonNegative("weightDecay", weightDecay);
  }

  /** Adam with learning rate {@code lr} and PyTorch's defaults: betas (0.9, 0.999), eps 1e-8, no decay. */
  public static Adam lr(float lr) {
    return new Adam(lr, 0.9f, 0.999f, 1e-8f, 0f);
  }

  public Adam betas(float beta1, float beta2) {
    return new Adam(lr, beta1, beta2, eps, weightDecay);
  }

  public Adam eps(float eps) {
    return new Adam(lr, beta1, beta2, eps, weightDecay);
  }

  public Adam weightDecay(float weightDecay) {
    return new Adam(lr, beta1, beta2, eps, weightDecay);
  }

  public float lr() { return lr; }
  public float beta1() { return beta1; }
  public float beta2() { return beta2; }
  public float eps() { return eps; }
  public float weightDecay() { return weightDecay; }

  @Override
  public OptimizerState newState(int parameterCount) {
    return new State(parameterCount);
  }

  private final class State implements OptimizerState {
    /** First moments in [0, n), second moments in [n, 2n): one contiguous array. */
    private final float[] moments;
    private final int n;
    private int t;

    State(int parameterCount) {
      this.n = parameterCount;
      this.moments = new float[2 * parameterCount];
    }

    @Override
    public void step(float[] params, float[] grads) {
      t++;
      // PyTorch computes the bias corrections in double precision, then scales float tensors.
      double biasCorrection1 = 1 - Math.pow(beta1, t);
      double biasCorrection2 = 1 - Math.pow(beta2, t);
      float stepSize = (float) (lr / biasCorrection1);
      float bc2Sqrt = (float) Math.sqrt(biasCorrection2);
      for (int i = 0; i < n; i++) {
        float g = grads[i];
        if (weightDecay != 0f) g += weightDecay * params[i];
        float m = moments[i] + (1f - beta1) * (g - moments[i]);
        float v = beta2 * moments[n + i] + (1f - beta2) * g * g;
        moments[i] = m;
        moments[n + i] = v;
        float denom = (float) Math.sqrt(v) / bc2Sqrt + eps;
        params[i] -= stepSize * (m / denom);
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Adam a && a.lr == lr && a.beta1 == beta1 && a.beta2 == beta2 && a.eps == eps
        && a.weightDecay == weightDecay;
  }

  @Override
  public int hashCode() {
    return Objects.hash(lr, beta1, beta2, eps, weightDecay);
  }

  @Override
  public String toString() {
    return "Adam[lr=" + lr + ", betas=(" + beta1 + ", " + beta2 + "), eps=" + eps + ", weightDecay="
        + weightDecay + "]";
  }
}
