package dev.kiln.runtime.optim;

import dev.kiln.runtime.kernel.KernelProvider;
import java.util.List;

/**
 * The moments of Adam and AdamW in one contiguous array: first moments in [0, n), second moments in
 * [n, 2n), and with AMSGrad the largest second moments so far in [2n, 3n).
 */
final class AdamState implements OptimizerState {
  private final AdamSettings settings;
  private final boolean decoupledDecay;
  private final float[] moments;
  private final int n;
  private float lr;
  private int t;

  AdamState(AdamSettings settings, boolean decoupledDecay, int parameterCount) {
    this.settings = settings;
    this.decoupledDecay = decoupledDecay;
    this.n = parameterCount;
    this.moments = new float[(settings.amsgrad() ? 3 : 2) * parameterCount];
    this.lr = settings.lr();
  }

  @Override
  public float learningRate() {
    return lr;
  }

  @Override
  public void learningRate(float lr) {
    this.lr = HyperParameters.nonNegative("lr", lr);
  }

  @Override
  public List<String> planeNames() {
    return settings.amsgrad() ? List.of("exp_avg", "exp_avg_sq", "max_exp_avg_sq") : List.of("exp_avg", "exp_avg_sq");
  }

  @Override
  public float[] planes() {
    return moments;
  }

  @Override
  public long steps() {
    return t;
  }

  @Override
  public void resume(long steps) {
    this.t = Math.toIntExact(steps);
  }

  @Override
  public void step(float[] params, float[] grads) {
    t++;
    // PyTorch computes the bias corrections in double precision, then scales float tensors.
    double biasCorrection1 = 1 - Math.pow(settings.beta1(), t);
    double biasCorrection2 = 1 - Math.pow(settings.beta2(), t);
    float stepSize = (float) (lr / biasCorrection1);
    float bc2Sqrt = (float) Math.sqrt(biasCorrection2);
    float weightDecay = settings.weightDecay();
    float shrink = decoupledDecay ? (float) (1 - (double) lr * weightDecay) : 1f;
    float l2 = decoupledDecay ? 0f : weightDecay;
    KernelProvider.optimizers().adamStep(params, grads, moments, n, settings.beta1(), settings.beta2(), stepSize,
        bc2Sqrt, settings.eps(), l2, shrink, settings.amsgrad());
  }
}
