package dev.kiln.runtime.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernels on the JDK Vector API: wide forwards are {@link PanamaDotProduct}s, the other products of a
 * Linear layer {@link PanamaGemm}s, narrow networks' feature-major products run along the batch. Large
 * products are split between two threads by the rows of W where they can be, and the optimizers'
 * updates follow that split ({@link WorkerRanges}). Loaded only by {@link KernelProvider}, and only when
 * the {@code jdk.incubator.vector} module is present, so nothing else may refer to this class.
 */
final class PanamaKernels implements Kernels {
  private static final VectorSpecies<Float> SPECIES = VectorShape.FLOATS;
  private static final int LANES = SPECIES.length();
  private static final VectorSpecies<Integer> INTS = VectorSpecies.of(int.class, SPECIES.vectorShape());
  /** Multiply-adds below which a second thread costs more than it saves. */
  private static final long PARALLEL_WORK = 1L << 19;
  /**
   * The same for the forward product of fewer than {@link #FEW_ROWS} rows, as inference of one request
   * runs it: between requests the worker parks, and waking it costs about 100 µs here (SingleRowSplit in
   * the benchmarks), which only a product of 20 MB of weights or so repays. Training's steps come back to
   * back, while the worker still spins.
   */
  private static final long PARALLEL_WORK_FEW_ROWS = 1L << 23;
  private static final int FEW_ROWS = 4;
  /** Parameters below which an optimizer's update stays on one thread. */
  private static final int PARALLEL_UPDATE = 1 << 15;

  /** Each calling thread's reusable operands and scratch, so that no call allocates after the first. */
  private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

  private final int threads;

  PanamaKernels(int threads) {
    this.threads = threads;
  }

  @Override
  public String name() {
    return "panama";
  }

  static int lanes() {
    return LANES;
  }

  private static final class Workspace {
    final PanamaGemm.Product product = new PanamaGemm.Product();
    final PanamaDotProduct dot = new PanamaDotProduct();
    /** The operands of {@link #multiply} and {@link #multiplyRows}, apart from the Linear ones above. */
    final PanamaGemm.Product matrixProduct = new PanamaGemm.Product();
    final PanamaDotProduct matrixDot = new PanamaDotProduct();
    final AdamUpdate adam = new AdamUpdate();
    final SgdUpdate sgd = new SgdUpdate();
    final WorkerRanges workerRanges = new WorkerRanges();
    float[] transposed = new float[0];
    float[] lossGradient = new float[0];

    float[] lossGradient(int size) {
      if (lossGradient.length < size) lossGradient = new float[size];
      return lossGradient;
    }

    float[] transposed(int size) {
      if (transposed.length < size) transposed = new float[size];
      return transposed;
    }
  }

  @Override
  public void linearForward(float[] x, float[] p, int wOff, int bOff, float[] z, float[] y, int rows, int in,
      int out, Epilogue activation) {
    Workspace ws = WORKSPACE.get();
    boolean fusedRelu = activation.fused() == Epilogue.Fused.RELU && z == y;
    if (PanamaDotProduct.suits(in)) {
      PanamaDotProduct d = ws.dot;
      d.x = x;
      d.p = p;
      d.wOff = wOff;
      d.bOff = bOff;
      d.z = z;
      d.y = y;
      d.in = in;
      d.out = out;
      d.rows = rows;
      d.relu = fusedRelu;
      d.activation = fusedRelu || activation.fused() == Epilogue.Fused.IDENTITY ? null : activation;
      // Split by outputs, like the weight gradient and the optimizer's update, when there are enough.
      d.byColumns = d.columnsAllowed() && out >= 8;
      long work = (long) rows * in * out;
      runRows(d, d.byColumns ? out : rows, rows < FEW_ROWS && work < PARALLEL_WORK_FEW_ROWS ? 0 : work);
      if (activation.fused() == Epilogue.Fused.IDENTITY && z != y) System.arraycopy(z, 0, y, 0, rows * out);
      return;
    }
    // Narrow inputs: B = Wᵀ, laid out [in x out] so that the micro-kernel streams its rows.
    float[] wt = ws.transposed(in * out);
    for (int o = 0; o < out; o++) {
      int row = wOff + o * in;
      for (int i = 0; i < in; i++) wt[i * out + o] = p[row + i];
    }
    PanamaGemm.Product g = ws.product;
    set(g, out, in, x, 0, in, 1, wt, 0, out, z, 0, out);
    g.bias = bOff >= 0 ? p : null;
    g.biasOff = bOff;
    g.relu = fusedRelu;
    g.activation = fusedRelu || activation.fused() == Epilogue.Fused.IDENTITY ? null : activation;
    g.y = y;
    run(g, rows, (long) rows * in * out);
    if (activation.fused() == Epilogue.Fused.IDENTITY && z != y) System.arraycopy(z, 0, y, 0, rows * out);
  }

  @Override
  public void multiply(int m, int n, int k, float[] a, int aOff, int ars, int acs, float[] b, int bOff, int ldb,
      float[] c, int cOff, int ldc) {
    PanamaGemm.Product g = WORKSPACE.get().matrixProduct;
    set(g, n, k, a, aOff, ars, acs, b, bOff, ldb, c, cOff, ldc);
    g.rows(0, m);
  }

  @Override
  public void multiplyRows(int m, int n, int k, float[] a, float[] b, float[] c) {
    PanamaDotProduct d = WORKSPACE.get().matrixDot;
    d.x = a;
    d.p = b;
    d.wOff = 0;
    d.bOff = -1;
    d.z = c;
    d.y = c;
    d.rows = m;
    d.in = k;
    d.out = n;
    d.relu = false;
    d.activation = null;
    d.byColumns = false;
    d.rows(0, m);
  }

  @Override
  public void linearInputGradient(float[] dz, float[] p, int wOff, float[] dx, int rows, int in, int out) {
    inputGradient(dz, p, wOff, dx, null, rows, in, out);
  }

  @Override
  public void linearInputGradientRelu(float[] dz, float[] p, int wOff, float[] dx, float[] reluOutput, int rows,
      int in, int out) {
    inputGradient(dz, p, wOff, dx, reluOutput, rows, in, out);
  }

  /** dX = dZ · W, split by the batch; zeroed where {@code reluOutput} is not above 0 when it is given. */
  private void inputGradient(float[] dz, float[] p, int wOff, float[] dx, float[] reluOutput, int rows, int in,
      int out) {
    PanamaGemm.Product g = WORKSPACE.get().product;
    set(g, in, out, dz, 0, out, 1, p, wOff, in, dx, 0, in);
    g.reluOutput = reluOutput;
    run(g, rows, (long) rows * in * out);
  }

  @Override
  public void linearParameterGradient(float[] dz, float[] x, float[] grads, int wOff, int bOff, int rows, int in,
      int out) {
    Workspace ws = WORKSPACE.get();
    PanamaGemm.Product g = ws.product;
    // dW = dZᵀ · X: A is dZ read down its columns.
    set(g, in, rows, dz, 0, 1, out, x, 0, in, grads, wOff, in);
    long work = (long) rows * in * out;
    run(g, out, work);
    if (threads > 1 && work >= PARALLEL_WORK) {
      // The worker wrote these rows of dW; the optimizer's update gives them to it again.
      ws.workerRanges.record(grads, wOff + Parallel.splitPoint(out) * in, wOff + out * in);
    }
    if (bOff >= 0) PanamaGemm.columnSums(dz, rows, out, grads, bOff);
  }

  private static void set(PanamaGemm.Product g, int n, int k, float[] a, int aOff, int ars, int acs, float[] b,
      int bOff, int ldb, float[] c, int cOff, int ldc) {
    g.n = n;
    g.k = k;
    g.a = a;
    g.aOff = aOff;
    g.ars = ars;
    g.acs = acs;
    g.b = b;
    g.bOff = bOff;
    g.ldb = ldb;
    g.c = c;
    g.cOff = cOff;
    g.ldc = ldc;
    g.bias = null;
    g.relu = false;
    g.activation = null;
    g.y = null;
    g.reluOutput = null;
  }

  private void run(PanamaGemm.Product g, int m, long work) {
    runRows(g, m, work);
  }

  private void runRows(Parallel.Rows task, int m, long work) {
    if (threads > 1 && work >= PARALLEL_WORK) {
      Parallel.run(task, m, threads);
    } else {
      task.rows(0, m);
    }
  }

  @Override
  public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
    return dot(a, aOff, b, bOff, n, LaneSums.scratch());
  }

  private static float dot(float[] a, int aOff, float[] b, int bOff, int n, float[] lanes) {
    int i = 0;
    float sum = 0f;
    if (n >= 2 * LANES) {
      // Two independent accumulators hide the latency of the fused multiply-add chain.
      FloatVector acc0 = FloatVector.zero(SPECIES);
      FloatVector acc1 = FloatVector.zero(SPECIES);
      int bound = n - (n % (2 * LANES));
      for (; i < bound; i += 2 * LANES) {
        acc0 = FloatVector.fromArray(SPECIES, a, aOff + i).fma(FloatVector.fromArray(SPECIES, b, bOff + i), acc0);
        acc1 = FloatVector.fromArray(SPECIES, a, aOff + i + LANES)
            .fma(FloatVector.fromArray(SPECIES, b, bOff + i + LANES), acc1);
      }
      acc0.add(acc1).intoArray(lanes, 0);
      sum = LaneSums.tree(lanes, 0);
    }
    for (; i < n; i++) sum = Math.fma(a[aOff + i], b[bOff + i], sum);
    return sum;
  }

  @Override
  public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
    int i = 0;
    int bound = SPECIES.loopBound(n);
    if (bound > 0) {
      FloatVector a = FloatVector.broadcast(SPECIES, alpha);
      for (; i < bound; i += LANES) {
        FloatVector.fromArray(SPECIES, x, xOff + i).fma(a, FloatVector.fromArray(SPECIES, y, yOff + i))
            .intoArray(y, yOff + i);
      }
    }
    for (; i < n; i++) y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
  }

  @Override
  public void adamStep(float[] params, float[] grads, float[] moments, int n, float beta1, float beta2,
      float stepSize, float bc2Sqrt, float eps, float l2, float shrink, boolean amsgrad) {
    Workspace ws = WORKSPACE.get();
    AdamUpdate u = ws.adam;
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
    u.run(threads > 1 && n >= PARALLEL_UPDATE, ws.workerRanges);
  }

  @Override
  public void sgdMomentumStep(float[] params, float[] grads, float[] buf, int n, float lr, float weightDecay,
      float carry, float keep, float momentum, boolean nesterov) {
    Workspace ws = WORKSPACE.get();
    SgdUpdate u = ws.sgd;
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
    u.run(threads > 1 && n >= PARALLEL_UPDATE, ws.workerRanges);
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

  @Override
  public void reluBackward(float[] y, float[] dy, int n) {
    int bound = SPECIES.loopBound(n);
    int i = 0;
    for (; i < bound; i += LANES) {
      FloatVector g = FloatVector.fromArray(SPECIES, dy, i);
      g.blend(0f, FloatVector.fromArray(SPECIES, y, i).compare(VectorOperators.LE, 0f)).intoArray(dy, i);
    }
    for (; i < n; i++) {
      if (y[i] <= 0f) dy[i] = 0f;
    }
  }

  @Override
  public void linearForwardT(float[] xT, float[] p, int wOff, int bOff, float[] zT, float[] yT, int rows, int in,
      int out, Epilogue activation) {
    boolean fusedRelu = activation.fused() == Epilogue.Fused.RELU && zT == yT;
    float floor = fusedRelu ? 0f : Float.NEGATIVE_INFINITY;
    for (int o = 0; o < out; o++) {
      int w = wOff + o * in;
      float b = bOff >= 0 ? p[bOff + o] : 0f;
      int zo = o * rows;
      int r = 0;
      // Four vectors of rows at once: four independent chains of multiply-adds, not one chain of `in`.
      for (; r + 4 * LANES <= rows; r += 4 * LANES) {
        FloatVector acc0 = FloatVector.broadcast(SPECIES, b);
        FloatVector acc1 = acc0, acc2 = acc0, acc3 = acc0;
        for (int i = 0; i < in; i++) {
          FloatVector wi = FloatVector.broadcast(SPECIES, p[w + i]);
          int xi = i * rows + r;
          acc0 = FloatVector.fromArray(SPECIES, xT, xi).fma(wi, acc0);
          acc1 = FloatVector.fromArray(SPECIES, xT, xi + LANES).fma(wi, acc1);
          acc2 = FloatVector.fromArray(SPECIES, xT, xi + 2 * LANES).fma(wi, acc2);
          acc3 = FloatVector.fromArray(SPECIES, xT, xi + 3 * LANES).fma(wi, acc3);
        }
        acc0.max(floor).intoArray(zT, zo + r);
        acc1.max(floor).intoArray(zT, zo + r + LANES);
        acc2.max(floor).intoArray(zT, zo + r + 2 * LANES);
        acc3.max(floor).intoArray(zT, zo + r + 3 * LANES);
      }
      for (; r < rows && rows >= LANES; r += LANES) {
        // The last vector ends at the last row, overlapping the one before: those rows come out the same.
        r = Math.min(r, rows - LANES);
        FloatVector acc = FloatVector.broadcast(SPECIES, b);
        for (int i = 0; i < in; i++) {
          acc = FloatVector.fromArray(SPECIES, xT, i * rows + r).fma(FloatVector.broadcast(SPECIES, p[w + i]), acc);
        }
        acc.max(floor).intoArray(zT, zo + r);
      }
      for (; r < rows; r++) {
        float sum = b;
        for (int i = 0; i < in; i++) sum = Math.fma(xT[i * rows + r], p[w + i], sum);
        zT[zo + r] = Math.max(sum, floor);
      }
    }
    if (!fusedRelu && activation.fused() != Epilogue.Fused.IDENTITY) {
      activation.forward(zT, yT, out, rows);
    } else if (zT != yT) {
      System.arraycopy(zT, 0, yT, 0, out * rows);
    }
  }

  @Override
  public void linearInputGradientT(float[] dzT, float[] p, int wOff, float[] dxT, int rows, int in, int out) {
    for (int i = 0; i < in; i++) {
      int xi = i * rows;
      int r = 0;
      for (; r < rows && rows >= LANES; r += LANES) {
        r = Math.min(r, rows - LANES);
        FloatVector acc = FloatVector.zero(SPECIES);
        for (int o = 0; o < out; o++) {
          acc = FloatVector.fromArray(SPECIES, dzT, o * rows + r).fma(FloatVector.broadcast(SPECIES, p[wOff + o * in + i]),
              acc);
        }
        acc.intoArray(dxT, xi + r);
      }
      for (; r < rows; r++) {
        float sum = 0f;
        for (int o = 0; o < out; o++) sum = Math.fma(dzT[o * rows + r], p[wOff + o * in + i], sum);
        dxT[xi + r] = sum;
      }
    }
  }

  @Override
  public void linearParameterGradientT(float[] dzT, float[] xT, float[] g, int wOff, int bOff, int rows, int in,
      int out) {
    float[] lanes = LaneSums.scratch();
    for (int o = 0; o < out; o++) {
      for (int i = 0; i < in; i++) g[wOff + o * in + i] = dot(dzT, o * rows, xT, i * rows, rows, lanes);
      if (bOff >= 0) g[bOff + o] = sum(dzT, o * rows, rows, lanes);
    }
  }

  @Override
  public void linearParameterGradientT(float[] dzT, float[] xT, float[] x, float[] g, int wOff, int bOff, int rows,
      int in, int out) {
    if (in < LANES || in > 2 * LANES) {
      linearParameterGradientT(dzT, xT, g, wOff, bOff, rows, in, out);
      return;
    }
    // Vectors along the input's features, read from the rows of x: no horizontal sum per weight. Two
    // vectors cover [0, L) and [in - L, in); where they overlap both compute the same sums alike.
    int j1 = in - LANES;
    int o = 0;
    for (; o + 4 <= out; o += 4) {
      int d0 = o * rows, d1 = d0 + rows, d2 = d1 + rows, d3 = d2 + rows;
      FloatVector a0 = FloatVector.zero(SPECIES), a1 = a0, a2 = a0, a3 = a0;
      FloatVector b0 = a0, b1 = a0, b2 = a0, b3 = a0;
      for (int r = 0; r < rows; r++) {
        FloatVector lo = FloatVector.fromArray(SPECIES, x, r * in);
        FloatVector hi = FloatVector.fromArray(SPECIES, x, r * in + j1);
        FloatVector s = FloatVector.broadcast(SPECIES, dzT[d0 + r]);
        a0 = lo.fma(s, a0);
        b0 = hi.fma(s, b0);
        s = FloatVector.broadcast(SPECIES, dzT[d1 + r]);
        a1 = lo.fma(s, a1);
        b1 = hi.fma(s, b1);
        s = FloatVector.broadcast(SPECIES, dzT[d2 + r]);
        a2 = lo.fma(s, a2);
        b2 = hi.fma(s, b2);
        s = FloatVector.broadcast(SPECIES, dzT[d3 + r]);
        a3 = lo.fma(s, a3);
        b3 = hi.fma(s, b3);
      }
      int w0 = wOff + o * in;
      b0.intoArray(g, w0 + j1);
      a0.intoArray(g, w0);
      b1.intoArray(g, w0 + in + j1);
      a1.intoArray(g, w0 + in);
      b2.intoArray(g, w0 + 2 * in + j1);
      a2.intoArray(g, w0 + 2 * in);
      b3.intoArray(g, w0 + 3 * in + j1);
      a3.intoArray(g, w0 + 3 * in);
    }
    for (; o < out; o++) {
      FloatVector a = FloatVector.zero(SPECIES), b = a;
      for (int r = 0; r < rows; r++) {
        FloatVector s = FloatVector.broadcast(SPECIES, dzT[o * rows + r]);
        a = FloatVector.fromArray(SPECIES, x, r * in).fma(s, a);
        b = FloatVector.fromArray(SPECIES, x, r * in + j1).fma(s, b);
      }
      b.intoArray(g, wOff + o * in + j1);
      a.intoArray(g, wOff + o * in);
    }
    if (bOff >= 0) {
      float[] lanes = LaneSums.scratch();
      for (o = 0; o < out; o++) g[bOff + o] = sum(dzT, o * rows, rows, lanes);
    }
  }

  private static float sum(float[] x, int off, int n, float[] lanes) {
    int bound = SPECIES.loopBound(n);
    FloatVector acc = FloatVector.zero(SPECIES);
    int i = 0;
    for (; i < bound; i += LANES) acc = acc.add(FloatVector.fromArray(SPECIES, x, off + i));
    acc.intoArray(lanes, 0);
    float s = LaneSums.tree(lanes, 0);
    for (; i < n; i++) s += x[off + i];
    return s;
  }

  @Override
  public float crossEntropy(float[] z, int[] targets, float[] g, int rows, int classes, int ignoreIndex,
      boolean mean) {
    if (rows < LANES) {
      return Kernels.super.crossEntropy(z, targets, g, rows, classes, ignoreIndex, mean);
    }
    // Rows are many and classes few: transposed, the rows are what vectors run along.
    Workspace ws = WORKSPACE.get();
    float[] zT = ws.transposed(rows * classes);
    float[] gT = ws.lossGradient(rows * classes);
    transpose(z, rows, classes, zT);
    float loss = crossEntropyT(zT, targets, gT, rows, classes, ignoreIndex, mean);
    transpose(gT, classes, rows, g);
    return loss;
  }

  @Override
  public float crossEntropyT(float[] zT, int[] targets, float[] gT, int rows, int classes, int ignoreIndex,
      boolean mean) {
    int counted = 0;
    for (int r = 0; r < rows; r++) if (targets[r] != ignoreIndex) counted++;
    if (mean && counted == 0) {
      java.util.Arrays.fill(gT, 0, rows * classes, 0f);
      return Float.NaN;
    }
    float scale = mean ? 1f / counted : 1f;
    int bound = SPECIES.loopBound(rows);
    FloatVector losses = FloatVector.zero(SPECIES);
    float[] lanes = LaneSums.scratch();
    int r = 0;
    for (; r < bound; r += LANES) {
      // A vector of rows at a time: the classes are few, the rows many.
      FloatVector max = FloatVector.fromArray(SPECIES, zT, r);
      for (int c = 1; c < classes; c++) max = max.max(FloatVector.fromArray(SPECIES, zT, c * rows + r));
      FloatVector sum = FloatVector.zero(SPECIES);
      for (int c = 0; c < classes; c++) {
        FloatVector.fromArray(SPECIES, zT, c * rows + r).sub(max).intoArray(gT, c * rows + r);
        VectorMath.exp(gT, c * rows + r);
        sum = sum.add(FloatVector.fromArray(SPECIES, gT, c * rows + r));
      }
      FloatVector target = (FloatVector) IntVector.fromArray(INTS, targets, r).convert(VectorOperators.I2F, 0);
      // Each row's share of the loss: 1/counted (or 1), and 0 for an ignored row.
      FloatVector weight = FloatVector.broadcast(SPECIES, scale)
          .blend(0f, target.compare(VectorOperators.EQ, (float) ignoreIndex));
      FloatVector perSum = weight.div(sum);
      FloatVector targetLogit = FloatVector.zero(SPECIES);
      for (int c = 0; c < classes; c++) {
        VectorMask<Float> isTarget = target.compare(VectorOperators.EQ, (float) c);
        int at = c * rows + r;
        targetLogit = targetLogit.blend(FloatVector.fromArray(SPECIES, zT, at), isTarget);
        FloatVector.fromArray(SPECIES, gT, at).mul(perSum)
            .sub(FloatVector.zero(SPECIES).blend(weight, isTarget)).intoArray(gT, at);
      }
      sum.intoArray(lanes, 0);
      VectorMath.log(lanes, 0);
      FloatVector logSum = max.add(FloatVector.fromArray(SPECIES, lanes, 0));
      losses = logSum.sub(targetLogit).fma(weight, losses);
    }
    losses.intoArray(lanes, 0);
    float loss = LaneSums.tree(lanes, 0);
    for (; r < rows; r++) {
      int t = targets[r];
      if (t == ignoreIndex) {
        for (int c = 0; c < classes; c++) gT[c * rows + r] = 0f;
        continue;
      }
      float max = Float.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) max = Math.max(max, zT[c * rows + r]);
      float sum = 0f;
      for (int c = 0; c < classes; c++) {
        float e = (float) Math.exp(zT[c * rows + r] - max);
        gT[c * rows + r] = e;
        sum += e;
      }
      loss += (max + (float) Math.log(sum) - zT[t * rows + r]) * scale;
      float perSum = scale / sum;
      for (int c = 0; c < classes; c++) gT[c * rows + r] = gT[c * rows + r] * perSum - (c == t ? scale : 0f);
    }
    return loss;
  }

  @Override
  public float bceWithLogits(float[] x, float[] y, float[] grad, int n, float scale) {
    int bound = SPECIES.loopBound(n);
    FloatVector terms = FloatVector.zero(SPECIES);
    FloatVector one = FloatVector.broadcast(SPECIES, 1f);
    float[] lanes = LaneSums.scratch();
    int i = 0;
    for (; i < bound; i += LANES) {
      FloatVector v = FloatVector.fromArray(SPECIES, x, i);
      FloatVector t = FloatVector.fromArray(SPECIES, y, i);
      v.abs().neg().intoArray(grad, i);
      VectorMath.exp(grad, i);
      FloatVector e = FloatVector.fromArray(SPECIES, grad, i);
      e.intoArray(lanes, 0);
      VectorMath.log1p(lanes, 0);
      // σ(x) = 1 / (1 + e) for x >= 0 and e / (1 + e) below, with e = exp(-|x|) never overflowing.
      FloatVector numerator = one.blend(e, v.compare(VectorOperators.LT, 0f));
      FloatVector sigmoid = numerator.div(one.add(e));
      FloatVector logSigmoid = v.min(0f).sub(FloatVector.fromArray(SPECIES, lanes, 0));
      terms = terms.add(one.sub(t).mul(v).sub(logSigmoid));
      sigmoid.sub(t).mul(scale).intoArray(grad, i);
    }
    terms.intoArray(lanes, 0);
    float total = LaneSums.tree(lanes, 0);
    for (; i < n; i++) {
      float v = x[i];
      float e = (float) Math.exp(-Math.abs(v));
      float sigmoid = v >= 0 ? 1f / (1f + e) : e / (1f + e);
      total += (1f - y[i]) * v - (Math.min(v, 0f) - (float) Math.log1p(e));
      grad[i] = (sigmoid - y[i]) * scale;
    }
    return total * scale;
  }

  @Override
  public String toString() {
    return name();
  }
}
