package dev.kiln.runtime.kernel;

/** The optimizers' updates on plain Java: the reference the Vector API ones are tested against. */
final class ScalarOptimizerKernels implements OptimizerKernels {
  @Override
  public void adamStep(float[] params, float[] grads, float[] moments, int n, float beta1, float beta2,
      float stepSize, float bc2Sqrt, float eps, float l2, float shrink, boolean amsgrad) {
    for (int i = 0; i < n; i++) {
      float p = params[i] * shrink;
      float g = grads[i] + l2 * p;
      float m = moments[i] + (1f - beta1) * (g - moments[i]);
      float v = beta2 * moments[n + i] + (1f - beta2) * g * g;
      moments[i] = m;
      moments[n + i] = v;
      if (amsgrad) {
        v = Math.max(moments[2 * n + i], v);
        moments[2 * n + i] = v;
      }
      float denom = (float) Math.sqrt(v) / bc2Sqrt + eps;
      params[i] = p - stepSize * (m / denom);
    }
  }

  @Override
  public void sgdMomentumStep(float[] params, float[] grads, float[] buf, int n, float lr, float weightDecay,
      float carry, float keep, float momentum, boolean nesterov) {
    for (int i = 0; i < n; i++) {
      float g = grads[i] + weightDecay * params[i];
      buf[i] = carry * buf[i] + keep * g;
      params[i] -= lr * (nesterov ? g + momentum * buf[i] : buf[i]);
    }
  }
}
