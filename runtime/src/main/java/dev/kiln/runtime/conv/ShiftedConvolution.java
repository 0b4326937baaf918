package dev.kiln.runtime.conv;

/**
 * Convolution on the Vector API read straight from a {@link PaddedGrid} of the input, with nothing
 * unrolled: every tap is one contiguous read, so a block of output channels by vectors of output
 * positions stays in registers while the taps stream past ({@link ShiftedProducts}; XNNPACK's broadcast
 * kernels, pixels in the lanes). A stride splits the grid into phases, which makes a strided
 * convolution one of stride 1 over more planes.
 *
 * <p>The weight gradient is dot products along the same grid. The input gradient, at stride 1, is the
 * same product over the output gradient padded by {@code dilation·(kernel - 1) - padding}, with the
 * kernel flipped and its channels swapped; with a stride, each phase of the input gathers the taps that
 * fall on it, again as one product over the padded output gradient.
 *
 * <p>Loaded only where the Vector API kernels were chosen.
 */
final class ShiftedConvolution extends SplitConvolution {
  private static final int L = ShiftedProducts.L;
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private final int sliceFloats;
  private final int kk;
  private final int field;
  private final PaddedGrid forwardGrid;
  /** The output gradient's grid for the input gradient at stride 1. */
  private final PaddedGrid flippedGrid;
  /** The output gradient's grid for the input gradient with a stride: padded by {@link #reach} before. */
  private final int reach;
  private final int gradientHeight;
  private final int gradientWidth;
  /**
   * With a stride, for each phase: the input positions (i·width + j) on it, and where each lies on the
   * phase's plane of the input gradient's product. Maps, because a phase's rows are too short for loops.
   */
  private final int[][] phaseInputs;
  private final int[][] phasePositions;

  /** Whether a convolution can run this way: any stride, and at stride 1 padding its gradient can be padded back from. */
  static boolean suits(ConvGeometry g) {
    return g.stride() > 1 || g.padding() <= g.dilation() * (g.kernel() - 1);
  }

  ShiftedConvolution(ConvGeometry geometry, int threads, int sliceFloats) {
    super(geometry, threads);
    if (!suits(geometry)) throw new IllegalArgumentException("padding beyond the kernel's reach: " + geometry);
    this.sliceFloats = sliceFloats;
    int k = geometry.kernel();
    int d = geometry.dilation();
    int s = geometry.stride();
    this.kk = k * k;
    this.field = geometry.field();
    this.forwardGrid = new PaddedGrid(geometry.in(), geometry.height(), geometry.width(), geometry.padding(), k, d, s);
    this.flippedGrid = s == 1
        ? new PaddedGrid(geometry.out(), geometry.outHeight(), geometry.outWidth(), d * (k - 1) - geometry.padding(), k, d, 1)
        : null;
    this.reach = d * (k - 1) / s;
    this.gradientHeight = reach + Math.max(geometry.outHeight(), forwardGrid.gridHeight);
    this.gradientWidth = reach + Math.max(geometry.outWidth(), forwardGrid.gridWidth);
    this.phaseInputs = new int[s * s][];
    this.phasePositions = new int[s * s][];
    int p = geometry.padding();
    for (int a = 0; a < s; a++) {
      for (int b = 0; b < s; b++) {
        int rows = 0;
        for (int i = Math.floorMod(a - p, s); i < geometry.height(); i += s) rows++;
        int columns = 0;
        for (int j = Math.floorMod(b - p, s); j < geometry.width(); j += s) columns++;
        int[] inputs = new int[rows * columns];
        int[] positions = new int[rows * columns];
        int v = 0;
        for (int i = Math.floorMod(a - p, s); i < geometry.height(); i += s) {
          for (int j = Math.floorMod(b - p, s); j < geometry.width(); j += s, v++) {
            inputs[v] = i * geometry.width() + j;
            positions[v] = (i + p) / s * gradientWidth + (j + p) / s;
          }
        }
        phaseInputs[a * s + b] = inputs;
        phasePositions[a * s + b] = positions;
      }
    }
  }

  @Override
  int slice() {
    int forward = forwardGrid.size(1) + g.out() * forwardGrid.plane;
    int backward = (g.in() + g.out()) * (flippedGrid != null ? flippedGrid.plane : gradientHeight * gradientWidth);
    return Math.max(1, sliceFloats / Math.max(forward, backward));
  }

  @Override
  void forward(float[] x, float[] p, int wOff, int bOff, float[] z, int first, int count) {
    Scratch s = SCRATCH.get();
    PaddedGrid grid = forwardGrid;
    float[] in = s.input(grid.size(count) + L);
    grid.pad(x, first, count, in, L, s.padded(grid.paddedPlane()));
    int ld = ShiftedProducts.vectors(grid.span(count));
    float[] out = s.output(g.out() * ld);
    ShiftedProducts.product(g.out(), p, wOff, field, tapOffsets(s, grid, count), in, ld, out, ld);
    grid.compact(out, ld, g.out(), first, count, z, p, bOff);
  }

  @Override
  void addParameterGradient(float[] dz, float[] x, float[] sums, int wAt, int bAt, int first, int count) {
    Scratch s = SCRATCH.get();
    PaddedGrid grid = forwardGrid;
    float[] in = s.input(grid.size(count) + L);
    grid.pad(x, first, count, in, L, s.padded(grid.paddedPlane()));
    // The output gradient on the same grid, 0 at the positions the forward pass dropped.
    int ld = ShiftedProducts.vectors(grid.span(count));
    float[] gradient = s.output(g.out() * ld);
    grid.spread(dz, g.out(), first, count, gradient, ld);
    ShiftedProducts.addProducts(g.out(), field, gradient, ld, in, tapOffsets(s, grid, count), ld, sums, wAt);
    if (bAt >= 0) {
      int pixels = g.pixels();
      for (int e = 0; e < count; e++) {
        for (int c = 0; c < g.out(); c++) {
          float sum = 0f;
          for (int j = (first + e) * g.outSize() + c * pixels, end = j + pixels; j < end; j++) sum += dz[j];
          sums[bAt + c] += sum;
        }
      }
    }
  }

  /** Where each tap (c, kh, kw) of a row of the weight reads on the grid. */
  private int[] tapOffsets(Scratch s, PaddedGrid grid, int count) {
    int k = g.kernel();
    int[] offsets = s.offsets(field);
    for (int c = 0; c < grid.channels; c++) {
      for (int kh = 0; kh < k; kh++) {
        for (int kw = 0; kw < k; kw++) offsets[(c * k + kh) * k + kw] = grid.offset(c, kh, kw, count);
      }
    }
    return offsets;
  }

  @Override
  void inputGradient(float[] dz, float[] p, int wOff, float[] dx, int first, int count) {
    if (flippedGrid != null) {
      inputGradientFlipped(dz, p, wOff, dx, first, count);
    } else {
      inputGradientByPhases(dz, p, wOff, dx, first, count);
    }
  }

  /** Stride 1: the forward product over the padded output gradient, the kernel flipped, channels swapped. */
  private void inputGradientFlipped(float[] dz, float[] p, int wOff, float[] dx, int first, int count) {
    Scratch s = SCRATCH.get();
    PaddedGrid grid = flippedGrid;
    float[] in = s.input(grid.size(count) + L);
    grid.pad(dz, first, count, in, L, s.padded(grid.paddedPlane()));
    // w'[c][o][kk - 1 - t] = w[o][c][t].
    int taps = g.out() * kk;
    float[] flipped = s.weights(g.in() * taps);
    for (int o = 0; o < g.out(); o++) {
      for (int c = 0; c < g.in(); c++) {
        for (int t = 0; t < kk; t++) flipped[c * taps + o * kk + kk - 1 - t] = p[wOff + o * field + c * kk + t];
      }
    }
    int[] offsets = s.offsets(taps);
    int k = g.kernel();
    for (int o = 0; o < g.out(); o++) {
      for (int kh = 0; kh < k; kh++) {
        for (int kw = 0; kw < k; kw++) offsets[(o * k + kh) * k + kw] = grid.offset(o, kh, kw, count);
      }
    }
    int ld = ShiftedProducts.vectors(grid.span(count));
    float[] out = s.output(g.in() * ld);
    ShiftedProducts.product(g.in(), flipped, 0, taps, offsets, in, ld, out, ld);
    grid.compact(out, ld, g.in(), first, count, dx, null, -1);
  }

  /**
   * With a stride: the input's padded position (R, C) lies on phase (R mod s, C mod s) at (R / s, C / s),
   * and receives, from each tap (kh, kw) on that phase, the output gradient at
   * (R / s - kh·d / s, C / s - kw·d / s). Over the output gradient padded by {@link #reach} before, each
   * phase is one product of the taps that fall on it.
   */
  private void inputGradientByPhases(float[] dz, float[] p, int wOff, float[] dx, int first, int count) {
    Scratch s = SCRATCH.get();
    int k = g.kernel();
    int d = g.dilation();
    int stride = g.stride();
    int plane = gradientHeight * gradientWidth;
    int cs = count * plane;
    // The output gradient, each (channel, example) plane padded by `reach` above and to the left.
    float[] in = s.input(g.out() * cs + L);
    java.util.Arrays.fill(in, 0, g.out() * cs + L, 0f);
    int outHeight = g.outHeight();
    int outWidth = g.outWidth();
    for (int o = 0; o < g.out(); o++) {
      for (int e = 0; e < count; e++) {
        int src = (first + e) * g.outSize() + o * outHeight * outWidth;
        int dst = o * cs + e * plane + reach * gradientWidth + reach;
        for (int i = 0; i < outHeight; i++, src += outWidth, dst += gradientWidth) {
          System.arraycopy(dz, src, in, dst, outWidth);
        }
      }
    }
    PaddedGrid grid = forwardGrid;
    int span = (count - 1) * plane + (grid.gridHeight - 1) * gradientWidth + grid.gridWidth;
    int ld = ShiftedProducts.vectors(span);
    float[] out = s.output(g.in() * ld);
    float[] weights = s.weights(g.in() * g.out() * kk);
    int[] offsets = s.offsets(g.out() * kk);
    for (int a = 0; a < stride; a++) {
      for (int b = 0; b < stride; b++) {
        // The taps on phase (a, b), for every output channel: their weights and where they read.
        int taps = 0;
        for (int kh = 0; kh < k; kh++) {
          if (kh * d % stride != a) continue;
          for (int kw = 0; kw < k; kw++) {
            if (kw * d % stride != b) continue;
            taps++;
          }
        }
        int rowTaps = g.out() * taps;
        int t = 0;
        for (int o = 0; o < g.out(); o++) {
          for (int kh = 0; kh < k; kh++) {
            if (kh * d % stride != a) continue;
            for (int kw = 0; kw < k; kw++) {
              if (kw * d % stride != b) continue;
              offsets[t] = o * cs + (reach - kh * d / stride) * gradientWidth + reach - kw * d / stride;
              for (int c = 0; c < g.in(); c++) weights[c * rowTaps + t] = p[wOff + o * field + (c * k + kh) * k + kw];
              t++;
            }
          }
        }
        if (rowTaps > 0) ShiftedProducts.product(g.in(), weights, 0, rowTaps, offsets, in, ld, out, ld);
        scatterPhase(out, ld, plane, a, b, rowTaps > 0, dx, first, count);
      }
    }
  }

  /**
   * The input positions on phase (a, b) of examples [first, first + count): their gradient from the phase's
   * product, or 0 where no tap falls on the phase.
   */
  private void scatterPhase(float[] out, int ld, int plane, int a, int b, boolean any, float[] dx, int first,
      int count) {
    int[] inputs = phaseInputs[a * g.stride() + b];
    int[] positions = phasePositions[a * g.stride() + b];
    int values = g.height() * g.width();
    for (int e = 0; e < count; e++) {
      for (int c = 0; c < g.in(); c++) {
        int to = (first + e) * g.inSize() + c * values;
        int from = c * ld + e * plane;
        if (any) {
          for (int v = 0; v < inputs.length; v++) dx[to + inputs[v]] = out[from + positions[v]];
        } else {
          for (int v = 0; v < inputs.length; v++) dx[to + inputs[v]] = 0f;
        }
      }
    }
  }

  /** A thread's grid input, grid output, rearranged weights and tap offsets, grown as needed and kept. */
  private static final class Scratch {
    private float[] input = new float[0];
    private float[] output = new float[0];
    private float[] weights = new float[0];
    private int[] offsets = new int[0];
    private float[] padded = new float[0];

    float[] padded(int n) {
      if (padded.length < n) padded = new float[n];
      return padded;
    }

    float[] input(int n) {
      if (input.length < n) input = new float[n];
      return input;
    }

    float[] output(int n) {
      if (output.length < n) output = new float[n];
      return output;
    }

    float[] weights(int n) {
      if (weights.length < n) weights = new float[n];
      return weights;
    }

    int[] offsets(int n) {
      if (offsets.length < n) offsets = new int[n];
      return offsets;
    }
  }
}
