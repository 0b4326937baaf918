package dev.kiln.runtime.optim;

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
  public void step(float[] params, float[] grads) {
    t++;
    float beta1 = settings.beta1();
    float beta2 = settings.beta2();
    float eps = settings.eps();
    float weightDecay = settings.weightDecay();
    boolean amsgrad = settings.amsgrad();
    // PyTorch computes the bias corrections in double precision, then scales float tensors.
    double biasCorrection1 = 1 - Math.pow(beta1, t);
    double biasCorrection2 = 1 - Math.pow(beta2, t);
    float stepSize = (float) (lr / biasCorrection1);
    float bc2Sqrt = (float) Math.sqrt(biasCorrection2);
    float shrink = (float) (1 - (double) lr * weightDecay);
    for (int i = 0; i < n; i++) {
      float g = grads[i];
      if (weightDecay != 0f) {
        if (decoupledDecay) {
          params[i] *= shrink;
        } else {
          g += weightDecay * params[i];
        }
      }
      float m = moments[i] + (1f - beta1) * (g - moments[i]);
      float v = beta2 * moments[n + i] + (1f - beta2) * g * g;
      moments[i] = m;
      moments[n + i] = v;
      if (amsgrad) {
        v = Math.max(moments[2 * n + i], v);
        moments[2 * n + i] = v;
      }
      float denom = (float) Math.sqrt(v) / bc2Sqrt + eps;
      params[i] -= stepSize * (m / denom);
    }
  }
}
