package dev.kiln.runtime.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The optimizers' updates on the Vector API, split between two threads for large models; where the
 * Linear kernels' worker wrote rows of the gradient, the worker updates those parameters again
 * ({@link WorkerRanges}). Loaded only where the Vector API kernels were chosen.
 */
final class PanamaOptimizerKernels implements OptimizerKernels {
  private static final VectorSpecies<Float> SPECIES = VectorShape.FLOATS;
  private static final int LANES = VectorShape.LANES;
  /** Parameters below which an optimizer's update stays on one thread. */
  private static final int PARALLEL_UPDATE = 1 << 15;

  /** Each calling thread's reusable updates, so that no call allocates after the first. */
  private static final ThreadLocal<Updates> UPDATES = ThreadLocal.withInitial(Updates::new);

  private final int threads;

  PanamaOptimizerKernels(int threads) {
    this.threads = threads;
  }

  private static final class Updates {
    final AdamUpdate adam = new AdamUpdate();
    final SgdUpdate sgd = new SgdUpdate();
  }

  @Override
  public void adamStep(float[] params, float[] grads, float[] moments, int n, float beta1, float beta2,
      float stepSize, float bc2Sqrt, float eps, float l2, float shrink, boolean amsgrad) {
    AdamUpdate u = UPDATES.get().adam;
    u.params = params;
    u.grads = grads;
    u.moments = moments;
    u.n = n;
    u.beta1 = beta1;
    u.beta2 = beta2;
    u.stepSize = stepSize;
    u.bc2Sqrt = bc2Sqrt;
    u.eps = eps;
    u.l2 = l2;
    u.shrink = shrink;
    u.amsgrad = amsgrad;
    u.run(threads > 1 && n >= PARALLEL_UPDATE, WorkerRanges.current());
  }

  @Override
  public void sgdMomentumStep(float[] params, float[] grads, float[] buf, int n, float lr, float weightDecay,
      float carry, float keep, float momentum, boolean nesterov) {
    SgdUpdate u = UPDATES.get().sgd;
    u.params = params;
    u.grads = grads;
    u.buf = buf;
    u.n = n;
    u.lr = lr;
    u.weightDecay = weightDecay;
    u.carry = carry;
    u.keep = keep;
    u.momentum = momentum;
    u.nesterov = nesterov;
    u.run(threads > 1 && n >= PARALLEL_UPDATE, WorkerRanges.current());
  }

  /** Adam's update over parameters [start, end). */
  private static final class AdamUpdate extends ElementwiseUpdate {
    float[] moments;
    float beta1, beta2, stepSize, bc2Sqrt, eps, l2, shrink;
    boolean amsgrad;

    @Override
    void range(int start, int end) {
      int bound = start + SPECIES.loopBound(end - start);
      float oneMinusBeta1 = 1f - beta1;
      float oneMinusBeta2 = 1f - beta2;
      int i = start;
      for (; i < bound; i += LANES) {
        FloatVector p = FloatVector.fromArray(SPECIES, params, i).mul(shrink);
        FloatVector g = FloatVector.fromArray(SPECIES, grads, i).add(p.mul(l2));
        FloatVector m0 = FloatVector.fromArray(SPECIES, moments, i);
        FloatVector m = m0.add(g.sub(m0).mul(oneMinusBeta1));
        FloatVector v = FloatVector.fromArray(SPECIES, moments, n + i).mul(beta2).add(g.mul(oneMinusBeta2).mul(g));
        m.intoArray(moments, i);
        v.intoArray(moments, n + i);
        if (amsgrad) {
          v = v.max(FloatVector.fromArray(SPECIES, moments, 2 * n + i));
          v.intoArray(moments, 2 * n + i);
        }
        FloatVector denom = v.lanewise(VectorOperators.SQRT).div(bc2Sqrt).add(eps);
        p.sub(m.div(denom).mul(stepSize)).intoArray(params, i);
      }
      for (; i < end; i++) {
        float p = params[i] * shrink;
        float g = grads[i] + l2 * p;
        float m = moments[i] + oneMinusBeta1 * (g - moments[i]);
        float v = beta2 * moments[n + i] + oneMinusBeta2 * g * g;
        moments[i] = m;
        moments[n + i] = v;
        if (amsgrad) {
          v = Math.max(moments[2 * n + i], v);
          moments[2 * n + i] = v;
        }
        params[i] = p - stepSize * (m / ((float) Math.sqrt(v) / bc2Sqrt + eps));
      }
    }
  }

  /** SGD's update, with momentum, over parameters [start, end). */
  private static final class SgdUpdate extends ElementwiseUpdate {
    float[] buf;
    float lr, weightDecay, carry, keep, momentum;
    boolean nesterov;

    @Override
    void range(int start, int end) {
      int bound = start + SPECIES.loopBound(end - start);
      int i = start;
      for (; i < bound; i += LANES) {
        FloatVector p = FloatVector.fromArray(SPECIES, params, i);
        FloatVector g = FloatVector.fromArray(SPECIES, grads, i).add(p.mul(weightDecay));
        FloatVector b = FloatVector.fromArray(SPECIES, buf, i).mul(carry).add(g.mul(keep));
        b.intoArray(buf, i);
        FloatVector direction = nesterov ? g.add(b.mul(momentum)) : b;
        p.sub(direction.mul(lr)).intoArray(params, i);
      }
      for (; i < end; i++) {
        float g = grads[i] + weightDecay * params[i];
        buf[i] = carry * buf[i] + keep * g;
        params[i] -= lr * (nesterov ? g + momentum * buf[i] : buf[i]);
      }
    }
  }
}
