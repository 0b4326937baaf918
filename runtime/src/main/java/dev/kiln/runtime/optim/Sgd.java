package dev.kiln.runtime.optim;

import dev.kiln.runtime.kernel.KernelProvider;

import java.util.List;
import java.util.Objects;

/**
 * Stochastic gradient descent with PyTorch's semantics ({@code torch.optim.SGD}): weight decay added
 * to the gradient, the momentum buffer starting as the first gradient, optional dampening and Nesterov.
 */
public final class Sgd implements Optimizer {
  private final float lr;
  private final float momentum;
  private final float dampening;
  private final boolean nesterov;
  private final float weightDecay;

  private Sgd(float lr, float momentum, float dampening, boolean nesterov, float weightDecay) {
    this.lr = HyperParameters.nonNegative("lr", lr);
    this.momentum = HyperParameters.nonNegative("momentum", momentum);
    this.dampening = dampening;
    this.nesterov = nesterov;
    this.weightDecay = HyperParameters.nonNegative("weightDecay", weightDecay);
  }

  /** Plain SGD with learning rate {@code lr}: no momentum, no weight decay. */
  public static Sgd lr(float lr) {
    return new Sgd(lr, 0f, 0f, false, 0f);
  }

  public Sgd momentum(float momentum) {
    return new Sgd(lr, momentum, dampening, nesterov, weightDecay);
  }

  public Sgd dampening(float dampening) {
    return new Sgd(lr, momentum, dampening, nesterov, weightDecay);
  }

  public Sgd nesterov(boolean nesterov) {
    return new Sgd(lr, momentum, dampening, nesterov, weightDecay);
  }

  public Sgd weightDecay(float weightDecay) {
    return new Sgd(lr, momentum, dampening, nesterov, weightDecay);
  }

  public float lr() { return lr; }
  public float momentum() { return momentum; }
  public float dampening() { return dampening; }
  public boolean nesterov() { return nesterov; }
  public float weightDecay() { return weightDecay; }

  @Override
  public OptimizerState newState(int parameterCount) {
    // Checked here, not in the withers, so that the withers can be called in any order.
    if (nesterov && (momentum <= 0f || dampening != 0f)) {
      throw new IllegalArgumentException("Sgd.nesterov(true) needs momentum > 0 and dampening = 0; got momentum = "
          + momentum + ", dampening = " + dampening);
    }
    return new State(parameterCount);
  }

  private final class State implements OptimizerState {
    private final float[] momentumBuffer;
    private boolean first = true;
    private float currentLr = lr;

    @Override
    public float learningRate() {
      return currentLr;
    }

    @Override
    public void learningRate(float lr) {
      currentLr = HyperParameters.nonNegative("lr", lr);
    }

    private long steps;

    State(int parameterCount) {
      this.momentumBuffer = momentum != 0f ? new float[parameterCount] : null;
    }

    @Override
    public List<String> planeNames() {
      return momentumBuffer != null ? List.of("momentum_buffer") : List.of();
    }

    @Override
    public float[] planes() {
      return momentumBuffer != null ? momentumBuffer : new float[0];
    }

    @Override
    public long steps() {
      return steps;
    }

    @Override
    public void resume(long steps) {
      this.steps = steps;
      this.first = steps == 0;
    }

    @Override
    public void step(float[] params, float[] grads) {
      steps++;
      // The options are loop-invariant: the JIT moves their tests out of the loops, which then vectorize.
      // Weight decay joins the gradient here, not in grads, which keeps showing the loss's own gradient.
      float lr = currentLr;
      boolean decay = weightDecay != 0f;
      if (momentumBuffer == null) {
        for (int i = 0; i < params.length; i++) {
          float g = decay ? grads[i] + weightDecay * params[i] : grads[i];
          params[i] -= lr * g;
        }
        return;
      }
      float[] buf = momentumBuffer;
      // The buffer starts as the first gradient, undampened, as in PyTorch: 0·0 + 1·g is exactly g.
      float keep = first ? 1f : 1f - dampening;
      float carry = first ? 0f : momentum;
      KernelProvider.optimizers().sgdMomentumStep(params, grads, buf, buf.length, lr, weightDecay, carry, keep, momentum,
          nesterov);
      first = false;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sgd s && s.lr == lr && s.momentum == momentum && s.dampening == dampening
        && s.nesterov == nesterov && s.weightDecay == weightDecay;
  }

  @Override
  public int hashCode() {
    return Objects.hash(lr, momentum, dampening, nesterov, weightDecay);
  }

  @Override
  public String toString() {
    return "Sgd[lr=" + lr + ", momentum=" + momentum + ", dampening=" + dampening + ", nesterov="
        + nesterov + ", weightDecay=" + weightDecay + "]";
  }
}
