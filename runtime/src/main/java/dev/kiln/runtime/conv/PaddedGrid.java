package dev.kiln.runtime.conv;

/**
 * The grid a stride-1 convolution reads its input on: each channel of each example padded into a plane of
 * {@code paddedHeight x paddedWidth}, and the planes of one channel for a slice's examples side by side.
 * The output at grid position {@code q} (row {@code q / paddedWidth}, column {@code q % paddedWidth} of
 * its example's plane) reads its tap (kh, kw) at {@code q + shift[kh·k + kw]}: every tap is one
 * contiguous, shifted read. Positions whose window runs off the plane are computed too, and dropped.
 */
final class PaddedGrid {
  final int channels;
  final int height;
  final int width;
  final int padding;
  final int paddedHeight;
  final int paddedWidth;
  final int plane;
  final int outHeight;
  final int outWidth;
  /** Where each tap reads, relative to the output's grid position. */
  final int[] shift;

  PaddedGrid(int channels, int height, int width, int padding, int kernel, int dilation) {
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.padding = padding;
    this.paddedHeight = height + 2 * padding;
    this.paddedWidth = width + 2 * padding;
    this.plane = paddedHeight * paddedWidth;
    this.outHeight = paddedHeight - dilation * (kernel - 1);
    this.outWidth = paddedWidth - dilation * (kernel - 1);
    this.shift = new int[kernel * kernel];
    for (int kh = 0; kh < kernel; kh++) {
      for (int kw = 0; kw < kernel; kw++) shift[kh * kernel + kw] = kh * dilation * paddedWidth + kw * dilation;
    }
  }

  /** The grid positions from the first through the last output of {@code count} examples. */
  int span(int count) {
    return (count - 1) * plane + (outHeight - 1) * paddedWidth + outWidth;
  }

  /** The floats one channel of {@code count} examples takes on the grid. */
  int channelStride(int count) {
    return count * plane;
  }

  /**
   * {@code grid[c][e][padding + i][padding + j] = from[first + e][c][i][j]}, 0 in the padding and in the
   * {@code slack} floats after the last plane.
   */
  void pad(float[] from, int first, int count, float[] grid, int slack) {
    int stride = channelStride(count);
    java.util.Arrays.fill(grid, 0, channels * stride + slack, 0f);
    int values = channels * height * width;
    for (int c = 0; c < channels; c++) {
      for (int e = 0; e < count; e++) {
        int src = (first + e) * values + c * height * width;
        int dst = c * stride + e * plane + padding * paddedWidth + padding;
        for (int i = 0; i < height; i++, src += width, dst += paddedWidth) {
          System.arraycopy(from, src, grid, dst, width);
        }
      }
    }
  }

  /**
   * {@code to[first + e][c][i][j] = grid[c·ld + e·plane + i·paddedWidth + j] + bias[c]} for the outputs
   * (i, j) of {@code outChannels} channels; {@code bOff < 0}: no bias.
   */
  void compact(float[] grid, int ld, int outChannels, int first, int count, float[] to, float[] p, int bOff) {
    int values = outChannels * outHeight * outWidth;
    for (int e = 0; e < count; e++) {
      for (int c = 0; c < outChannels; c++) {
        float bias = bOff >= 0 ? p[bOff + c] : 0f;
        int src = c * ld + e * plane;
        int dst = (first + e) * values + c * outHeight * outWidth;
        for (int i = 0; i < outHeight; i++, src += paddedWidth, dst += outWidth) {
          for (int j = 0; j < outWidth; j++) to[dst + j] = grid[src + j] + bias;
        }
      }
    }
  }

  /**
   * The inverse of {@link #compact}: {@code grid[c·ld + e·plane + i·paddedWidth + j] = from[first + e][c][i][j]}
   * for the outputs, 0 at every other position up to {@code ld} in each channel.
   */
  void spread(float[] from, int outChannels, int first, int count, float[] grid, int ld) {
    java.util.Arrays.fill(grid, 0, outChannels * ld, 0f);
    int values = outChannels * outHeight * outWidth;
    for (int e = 0; e < count; e++) {
      for (int c = 0; c < outChannels; c++) {
        int src = (first + e) * values + c * outHeight * outWidth;
        int dst = c * ld + e * plane;
        for (int i = 0; i < outHeight; i++, src += outWidth, dst += paddedWidth) {
          System.arraycopy(from, src, grid, dst, outWidth);
        }
      }
    }
  }
}
