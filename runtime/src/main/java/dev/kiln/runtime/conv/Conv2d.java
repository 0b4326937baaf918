package dev.kiln.runtime.conv;

import dev.kiln.runtime.kernel.Epilogue;
import dev.kiln.runtime.kernel.KernelProvider;

/**
 * One {@code nn.Conv2d} with a square kernel, as generated code runs it: each row of a batch is one
 * example's C-H-W maps, the weight [out, in, kernel, kernel] and the bias [out] live in the model's
 * parameter array.
 *
 * <p>Two ways to compute it. Where the Vector API kernels were chosen, a convolution reads its taps
 * straight from its input laid out on a padded grid, split into stride² phases when strided
 * ({@link ShiftedConvolution}), the examples split between the threads. Elsewhere, and for a stride-1
 * convolution padded beyond its kernel's reach (a 1 x 1 kernel with padding, say: its input gradient
 * would need a grid cropped instead of padded), direct convolution ({@link DirectConvolution}), the
 * scalar reference.
 */
public final class Conv2d {
  /** About the most floats a slice of examples lays out on its grids: 512 KiB, half a core's L2. */
  private static final int SLICE_FLOATS = 1 << 17;

  private final ConvGeometry geometry;
  private final Convolution convolution;

  public Conv2d(int in, int height, int width, int out, int kernel, int stride, int padding, int dilation) {
    this(new ConvGeometry(in, height, width, out, kernel, stride, padding, dilation));
  }

  private Conv2d(ConvGeometry geometry) {
    this(geometry, choose(geometry, KernelProvider.vectorized(), KernelProvider.threads(), SLICE_FLOATS));
  }

  /** A convolution computed the given way: for tests of each way. */
  Conv2d(ConvGeometry geometry, Convolution convolution) {
    this.geometry = geometry;
    this.convolution = convolution;
  }

  /** The way a convolution of this geometry runs, on the Vector API or not. */
  static Convolution choose(ConvGeometry geometry, boolean vectorized, int threads, int sliceFloats) {
    if (vectorized && ShiftedConvolution.suits(geometry)) return new ShiftedConvolution(geometry, threads, sliceFloats);
    return new DirectConvolution(geometry);
  }

  /** PyTorch's output size: {@code floor((size + 2·padding - dilation·(kernel - 1) - 1) / stride) + 1}. */
  public static int outputSize(int size, int kernel, int stride, int padding, int dilation) {
    return ConvGeometry.outputSize(size, kernel, stride, padding, dilation);
  }

  public int outHeight() {
    return geometry.outHeight();
  }

  public int outWidth() {
    return geometry.outWidth();
  }

  /** Values per row of the input. */
  public int inSize() {
    return geometry.inSize();
  }

  /** Values per row of the output. */
  public int outSize() {
    return geometry.outSize();
  }

  /**
   * {@code z = conv(x) + b}, then {@code y = epilogue(z)} row by row; {@code z} may be {@code y}.
   * {@code bOff < 0}: no bias.
   */
  public void forward(float[] x, float[] p, int wOff, int bOff, float[] z, float[] y, int rows, Epilogue epilogue) {
    convolution.forward(x, p, wOff, bOff, z, rows);
    epilogue.forward(z, y, rows, outSize());
  }

  /** {@code dx = convᵀ(dz)}: the gradient of the input, overwritten. */
  public void inputGradient(float[] dz, float[] p, int wOff, float[] dx, int rows) {
    convolution.inputGradient(dz, p, wOff, dx, rows);
  }

  /**
   * {@link #inputGradient}, then the backward pass of a ReLU below whose output {@code reluOutput} is
   * laid out as {@code dx}: the gradient is 0 wherever that output is not above 0, as PyTorch's
   * {@code threshold_backward} has it.
   */
  public void inputGradientRelu(float[] dz, float[] p, int wOff, float[] dx, float[] reluOutput, int rows) {
    convolution.inputGradient(dz, p, wOff, dx, rows);
    KernelProvider.vectors().reluBackward(reluOutput, dx, rows * inSize());
  }

  /** The gradients of weight and bias ({@code bOff < 0}: none), overwritten, summed over the rows. */
  public void parameterGradient(float[] dz, float[] x, float[] g, int wOff, int bOff, int rows) {
    convolution.parameterGradient(dz, x, g, wOff, bOff, rows);
  }

  @Override
  public String toString() {
    ConvGeometry g = geometry;
    return "Conv2d(" + g.in() + " x " + g.height() + " x " + g.width() + " -> " + g.out() + " x " + g.outHeight()
        + " x " + g.outWidth() + ", kernel " + g.kernel() + ", stride " + g.stride() + ", padding " + g.padding()
        + ", dilation " + g.dilation() + ")";
  }
}
