package dev.kiln.runtime.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The products of Linear layers on the Vector API: wide forwards are {@link PanamaDotProduct}s, the other
 * products {@link PanamaGemm}s, narrow networks' feature-major products run along the batch. Large
 * products are split between two threads by the rows of W where they can be, and the optimizers' updates
 * follow that split ({@link WorkerRanges}). Loaded only where the Vector API kernels were chosen.
 */
final class PanamaLinearKernels implements LinearKernels {
  private static final VectorSpecies<Float> SPECIES = VectorShape.FLOATS;
  private static final int LANES = VectorShape.LANES;
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
  /** Rows from which packing X and W for {@link PanamaPackedProduct} repays its pass over both. */
  static final int PACKED_MIN_ROWS = 128;
  /** Each calling thread's reusable operands and scratch, so that no call allocates after the first. */
  private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

  private final int threads;

  PanamaLinearKernels(int threads) {
    this.threads = threads;
  }

  private static final class Workspace {
    final PanamaGemm.Product product = new PanamaGemm.Product();
    final PanamaDotProduct dot = new PanamaDotProduct();
    final PanamaPackedProduct packed = new PanamaPackedProduct();
    float[] transposed = new float[0];

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
    if (packs(rows, in, out)) {
      PanamaPackedProduct g = ws.packed;
      g.x = x;
      g.p = p;
      g.wOff = wOff;
      g.bOff = bOff;
      g.z = z;
      g.rows = rows;
      g.in = in;
      g.out = out;
      g.relu = fusedRelu;
      g.byRows = PanamaPackedProduct.splitsRows(rows, out);
      long work = (long) rows * in * out;
      if (g.byRows) {
        // At whole panels of X, so that only the last thread's last panel is cut.
        runRows(g, rows, rows / 2 / PanamaPackedProduct.MR * PanamaPackedProduct.MR, work);
      } else {
        // Split by outputs at a whole vector, so that each thread's last strip is whole vectors if out is.
        runRows(g, out, out / 2 / LANES * LANES, work);
      }
      if (!fusedRelu && activation.fused() != Epilogue.Fused.IDENTITY) {
        activation.forward(z, y, rows, out);
      } else if (z != y) {
        System.arraycopy(z, 0, y, 0, rows * out);
      }
      return;
    }
    if (PanamaDotProduct.suits(in) && !streamsWeights(rows, in, out)) {
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

  /**
   * Whether the forward product goes through the register-tiled product with W transposed first: with
   * enough rows to repay the transpose and enough outputs to fill vector blocks of C, its vector
   * accumulators need no sum of lanes, which the dot-product tiles pay per output (JDK 23 and later in
   * the fixed tree of {@link LaneSums}) and which dominates when the inputs are few: a Transformer's 64
   * or 128 run 1.6-1.8 times as fast this way (encoder-2x64, gemm-128), while 784 inputs (784-128-10)
   * run at 0.6 times and 1024 at 0.85 (BENCHMARKS.md).
   */
  static boolean streamsWeights(int rows, int in, int out) {
    return rows >= 16 && out >= 2 * VectorShape.LANES && in <= 8 * VectorShape.LANES;
  }

  /**
   * Whether the forward product goes through {@link PanamaPackedProduct}: rows enough to repay packing X
   * and W, inputs wider than {@link #streamsWeights} takes, and at least one strip of outputs.
   */
  static boolean packs(int rows, int in, int out) {
    return rows >= PACKED_MIN_ROWS && in > 8 * VectorShape.LANES && out >= PanamaPackedProduct.NR;
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
      WorkerRanges.current().record(grads, wOff + Parallel.splitPoint(out) * in, wOff + out * in);
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
    runRows(task, m, Parallel.splitPoint(m), work);
  }

  /** {@code task} over [0, m), split between two threads at {@code split} when the work repays it. */
  private void runRows(Parallel.Rows task, int m, int split, long work) {
    if (threads > 1 && work >= PARALLEL_WORK) {
      Parallel.run(task, m, split, threads);
    } else {
      task.rows(0, m);
    }
  }

  @Override
  public void transpose(float[] from, int rows, int cols, float[] to) {
    Transposes.transpose(from, rows, cols, to);
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
      for (int i = 0; i < in; i++) g[wOff + o * in + i] = PanamaVectorKernels.dot(dzT, o * rows, xT, i * rows, rows, lanes);
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
}
