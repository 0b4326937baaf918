package dev.kiln.runtime.conv;

import java.util.Arrays;

/**
 * The grid a convolution reads its input on, so that every tap is one contiguous read: each channel of
 * each example padded, and, for a stride s, split into s² phases (the padded rows ≡ a and columns ≡ b
 * modulo s), each a plane of {@code gridHeight x gridWidth}; the planes of one (channel, phase) for a
 * slice's examples lie side by side. The output at grid position {@code q} (row {@code q / gridWidth},
 * column {@code q % gridWidth} of its example's plane) reads its tap (c, kh, kw) at
 * {@code q + offset(c, kh, kw)}. Positions whose window runs off the plane are computed too, and dropped.
 */
final class PaddedGrid {
  final int channels;
  final int height;
  final int width;
  final int padding;
  final int stride;
  final int dilation;
  final int gridHeight;
  final int gridWidth;
  final int plane;
  final int outHeight;
  final int outWidth;
  /**
   * With a stride: for each position of each phase's plane, where it lies in the padded input plane
   * ({@code (height + 2·padding) x (width + 2·padding)}, then one 0 for positions beyond it).
   */
  private final int[] paddedAt;
  /** Rows at least this wide are copied a row at a time; shorter ones through {@link #outputAt}. */
  private static final int ROW_COPY = 8;
  /** For each output of a plane: its position on the grid. A map, for rows too short to copy on their own. */
  private final int[] outputAt;

  PaddedGrid(int channels, int height, int width, int padding, int kernel, int dilation, int stride) {
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.padding = padding;
    this.stride = stride;
    this.dilation = dilation;
    this.gridHeight = (height + 2 * padding + stride - 1) / stride;
    this.gridWidth = (width + 2 * padding + stride - 1) / stride;
    this.plane = gridHeight * gridWidth;
    this.outHeight = ConvGeometry.outputSize(height, kernel, stride, padding, dilation);
    this.outWidth = ConvGeometry.outputSize(width, kernel, stride, padding, dilation);
    int paddedHeight = height + 2 * padding;
    int paddedWidth = width + 2 * padding;
    this.paddedAt = new int[stride * stride * plane];
    for (int a = 0; a < stride; a++) {
      for (int b = 0; b < stride; b++) {
        for (int i = 0; i < gridHeight; i++) {
          for (int j = 0; j < gridWidth; j++) {
            int row = i * stride + a;
            int column = j * stride + b;
            paddedAt[(a * stride + b) * plane + i * gridWidth + j] =
                row < paddedHeight && column < paddedWidth ? row * paddedWidth + column : paddedHeight * paddedWidth;
          }
        }
      }
    }
    this.outputAt = new int[outHeight * outWidth];
    for (int i = 0; i < outHeight; i++) {
      for (int j = 0; j < outWidth; j++) outputAt[i * outWidth + j] = i * gridWidth + j;
    }
  }

  /** The planes one channel's input takes: one per phase. */
  int phases() {
    return stride * stride;
  }

  /** Where the tap (c, kh, kw) reads on a grid of {@code count} examples, relative to the output's position. */
  int offset(int c, int kh, int kw, int count) {
    int down = kh * dilation;
    int across = kw * dilation;
    int phase = (down % stride) * stride + across % stride;
    return (c * phases() + phase) * channelStride(count) + down / stride * gridWidth + across / stride;
  }

  /** The grid positions from the first through the last output of {@code count} examples. */
  int span(int count) {
    return (count - 1) * plane + (outHeight - 1) * gridWidth + outWidth;
  }

  /** The floats one (channel, phase) of {@code count} examples takes. */
  int channelStride(int count) {
    return count * plane;
  }

  /** The floats the input of {@code count} examples takes on the grid. */
  int size(int count) {
    return channels * phases() * channelStride(count);
  }

  /** The floats a padded input plane takes, with the 0 that positions beyond it read: the scratch {@link #pad} needs. */
  int paddedPlane() {
    return (height + 2 * padding) * (width + 2 * padding) + 1;
  }

  /**
   * The input of examples [first, first + count) laid out on the grid, 0 in the padding and the
   * {@code slack} after it. With a stride, each plane is padded into {@code padded} (of
   * {@link #paddedPlane} floats, 0 where it is never written), then gathered phase by phase.
   */
  void pad(float[] from, int first, int count, float[] grid, int slack, float[] padded) {
    int cs = channelStride(count);
    int values = channels * height * width;
    int paddedWidth = width + 2 * padding;
    if (stride == 1) {
      Arrays.fill(grid, 0, size(count) + slack, 0f);
    } else {
      Arrays.fill(grid, size(count), size(count) + slack, 0f);
      Arrays.fill(padded, 0, paddedPlane(), 0f);
    }
    for (int c = 0; c < channels; c++) {
      for (int e = 0; e < count; e++) {
        int src = (first + e) * values + c * height * width;
        int example = c * phases() * cs + e * plane;
        if (stride == 1) {
          for (int i = 0, to = example + padding * gridWidth + padding; i < height; i++, src += width, to += gridWidth) {
            System.arraycopy(from, src, grid, to, width);
          }
        } else {
          for (int i = 0, to = padding * paddedWidth + padding; i < height; i++, src += width, to += paddedWidth) {
            System.arraycopy(from, src, padded, to, width);
          }
          for (int phase = 0; phase < phases(); phase++) {
            for (int v = 0, to = example + phase * cs, at = phase * plane; v < plane; v++) {
              grid[to + v] = padded[paddedAt[at + v]];
            }
          }
        }
      }
    }
  }

  /**
   * {@code to[first + e][c][i][j] = grid[c·ld + e·plane + i·gridWidth + j] + bias[c]} for the outputs
   * (i, j) of {@code outChannels} channels; {@code bOff < 0}: no bias.
   */
  void compact(float[] grid, int ld, int outChannels, int first, int count, float[] to, float[] p, int bOff) {
    int values = outChannels * outHeight * outWidth;
    for (int e = 0; e < count; e++) {
      for (int c = 0; c < outChannels; c++) {
        float bias = bOff >= 0 ? p[bOff + c] : 0f;
        int src = c * ld + e * plane;
        int dst = (first + e) * values + c * outHeight * outWidth;
        if (outWidth >= ROW_COPY) {
          for (int i = 0; i < outHeight; i++) System.arraycopy(grid, src + i * gridWidth, to, dst + i * outWidth, outWidth);
          if (bias != 0f) {
            for (int v = dst, end = dst + outputAt.length; v < end; v++) to[v] += bias;
          }
        } else {
          for (int v = 0; v < outputAt.length; v++) to[dst + v] = grid[src + outputAt[v]] + bias;
        }
      }
    }
  }

  /**
   * The inverse of {@link #compact}: {@code grid[c·ld + e·plane + i·gridWidth + j] = from[first + e][c][i][j]}
   * for the outputs, 0 at every other position up to {@code ld} in each channel.
   */
  void spread(float[] from, int outChannels, int first, int count, float[] grid, int ld) {
    Arrays.fill(grid, 0, outChannels * ld, 0f);
    int values = outChannels * outHeight * outWidth;
    for (int e = 0; e < count; e++) {
      for (int c = 0; c < outChannels; c++) {
        int src = (first + e) * values + c * outHeight * outWidth;
        int dst = c * ld + e * plane;
        if (outWidth >= ROW_COPY) {
          for (int i = 0; i < outHeight; i++) System.arraycopy(from, src + i * outWidth, grid, dst + i * gridWidth, outWidth);
        } else {
          for (int v = 0; v < outputAt.length; v++) grid[dst + outputAt[v]] = from[src + v];
        }
      }
    }
  }
}
