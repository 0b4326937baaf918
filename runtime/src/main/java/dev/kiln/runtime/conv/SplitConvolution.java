package dev.kiln.runtime.conv;

import dev.kiln.runtime.kernel.Parallel;
import java.util.Arrays;

/**
 * A convolution computed a slice of examples at a time, the examples of a batch split between the
 * threads: what is left to a subclass is one slice's work.
 */
abstract class SplitConvolution implements Convolution {
  /** Multiply-adds below which a second thread costs more than it saves. */
  private static final long PARALLEL_WORK = 1L << 18;
  /** Each calling thread's passes: their operands are set per call, so they must not be shared. */
  private final ThreadLocal<Passes> passes = ThreadLocal.withInitial(Passes::new);

  final ConvGeometry g;
  private final int threads;

  SplitConvolution(ConvGeometry geometry, int threads) {
    this.g = geometry;
    this.threads = threads;
  }

  /** How many examples one slice takes. */
  abstract int slice();

  /** {@code z = conv(x) + b} for the examples [first, first + count). */
  abstract void forward(float[] x, float[] p, int wOff, int bOff, float[] z, int first, int count);

  /** {@code dx = convᵀ(dz)}, overwritten, for the examples [first, first + count). */
  abstract void inputGradient(float[] dz, float[] p, int wOff, float[] dx, int first, int count);

  /**
   * The examples [first, first + count)'s gradients added to {@code sums}: the weight's at {@code wAt},
   * the bias's at {@code bAt} when {@code bAt >= 0}.
   */
  abstract void addParameterGradient(float[] dz, float[] x, float[] sums, int wAt, int bAt, int first, int count);

  private void run(Parallel.Rows pass, int rows) {
    long work = (long) rows * g.outSize() * g.field();
    Parallel.run(pass, rows, rows / 2, work >= PARALLEL_WORK ? threads : 1);
  }

  @Override
  public final void forward(float[] x, float[] p, int wOff, int bOff, float[] z, int rows) {
    Forward f = passes.get().forward;
    f.x = x;
    f.p = p;
    f.wOff = wOff;
    f.bOff = bOff;
    f.z = z;
    run(f, rows);
  }

  @Override
  public final void inputGradient(float[] dz, float[] p, int wOff, float[] dx, int rows) {
    InputGradient f = passes.get().inputGradient;
    f.dz = dz;
    f.p = p;
    f.wOff = wOff;
    f.dx = dx;
    run(f, rows);
  }

  @Override
  public final void parameterGradient(float[] dz, float[] x, float[] grads, int wOff, int bOff, int rows) {
    ParameterGradient f = passes.get().parameterGradient;
    f.dz = dz;
    f.x = x;
    f.grads = grads;
    f.wOff = wOff;
    f.bOff = bOff;
    int size = g.weightSize() + g.out();
    if (f.upper.length < size) f.upper = new float[size];
    Arrays.fill(f.upper, 0, size, 0f);
    run(f, rows);
    // The examples after the split, when the other thread took them, were summed apart: added here.
    for (int i = 0; i < g.weightSize(); i++) grads[wOff + i] += f.upper[i];
    if (bOff >= 0) {
      for (int o = 0; o < g.out(); o++) grads[bOff + o] += f.upper[g.weightSize() + o];
    }
  }

  private final class Passes {
    final Forward forward = new Forward();
    final InputGradient inputGradient = new InputGradient();
    final ParameterGradient parameterGradient = new ParameterGradient();
  }

  private final class Forward implements Parallel.Rows {
    float[] x, p, z;
    int wOff, bOff;

    @Override
    public void rows(int from, int to) {
      for (int first = from; first < to; first += slice()) {
        forward(x, p, wOff, bOff, z, first, Math.min(slice(), to - first));
      }
    }
  }

  private final class InputGradient implements Parallel.Rows {
    float[] dz, p, dx;
    int wOff;

    @Override
    public void rows(int from, int to) {
      for (int first = from; first < to; first += slice()) {
        inputGradient(dz, p, wOff, dx, first, Math.min(slice(), to - first));
      }
    }
  }

  private final class ParameterGradient implements Parallel.Rows {
    float[] dz, x, grads;
    int wOff, bOff;
    /** The sums of the examples a second thread took, [weight, bias]. */
    float[] upper = new float[0];

    @Override
    public void rows(int from, int to) {
      // The range that starts the batch writes straight into the gradients, the other into its own sums.
      float[] sums = from == 0 ? grads : upper;
      int wAt = from == 0 ? wOff : 0;
      int bAt = bOff < 0 ? -1 : from == 0 ? bOff : g.weightSize();
      Arrays.fill(sums, wAt, wAt + g.weightSize(), 0f);
      if (bAt >= 0) Arrays.fill(sums, bAt, bAt + g.out(), 0f);
      for (int first = from; first < to; first += slice()) {
        addParameterGradient(dz, x, sums, wAt, bAt, first, Math.min(slice(), to - first));
      }
    }
  }
}
