package dev.kiln.runtime.kernel;

/**
 * The optimizers' updates over the whole parameter array.
 */
public interface OptimizerKernels {
  /**
   * One Adam step over {@code n} parameters, as PyTorch computes it in float: {@code g = grad + l2·p};
   * {@code m += (1 - beta1)(g - m)}; {@code v = beta2·v + (1 - beta2)g²}; with AMSGrad {@code v} is the
   * largest so far; {@code p -= stepSize · m / (sqrt(v) / bc2Sqrt + eps)}. First moments live in
   * {@code moments[0, n)}, second in {@code [n, 2n)}, AMSGrad's maxima in {@code [2n, 3n)}. Decoupled
   * decay (AdamW) multiplies {@code p} by {@code shrink} first; pass 1 for none.
   */
  void adamStep(float[] params, float[] grads, float[] moments, int n, float beta1, float beta2,
      float stepSize, float bc2Sqrt, float eps, float l2, float shrink, boolean amsgrad);

  /**
   * One SGD step with momentum over {@code n} parameters, as PyTorch computes it: {@code g = grad + wd·p};
   * {@code buf = carry·buf + keep·g} (on the first step carry 0 and keep 1, so that the buffer starts as
   * the gradient); {@code p -= lr · (nesterov ? g + momentum·buf : buf)}.
   */
  void sgdMomentumStep(float[] params, float[] grads, float[] buf, int n, float lr, float weightDecay,
      float carry, float keep, float momentum, boolean nesterov);

}
