package dev.kiln.runtime.conv;

import java.util.Arrays;

/**
 * Direct convolution, the scalar reference: each weight is broadcast over the rows of an output plane
 * that its tap reads inside the input.
 */
final class DirectConvolution implements Convolution {
  private final ConvGeometry g;
  private final int outHeight;
  private final int outWidth;

  DirectConvolution(ConvGeometry geometry) {
    this.g = geometry;
    this.outHeight = geometry.outHeight();
    this.outWidth = geometry.outWidth();
  }

  @Override
  public void forward(float[] x, float[] p, int wOff, int bOff, float[] z, int rows) {
    int plane = outHeight * outWidth;
    for (int r = 0; r < rows; r++) {
      int xRow = r * g.inSize();
      int zRow = r * g.outSize();
      for (int o = 0; o < g.out(); o++) {
        int zPlane = zRow + o * plane;
        Arrays.fill(z, zPlane, zPlane + plane, bOff >= 0 ? p[bOff + o] : 0f);
        for (int c = 0; c < g.in(); c++) {
          int xPlane = xRow + c * g.height() * g.width();
          for (int kh = 0; kh < g.kernel(); kh++) {
            for (int kw = 0; kw < g.kernel(); kw++) {
              float weight = p[wOff + ((o * g.in() + c) * g.kernel() + kh) * g.kernel() + kw];
              accumulate(x, xPlane, z, zPlane, weight, kh, kw);
            }
          }
        }
      }
    }
  }

  /** {@code zPlane[oh, ow] += weight · xPlane[ih, iw]} for the one kernel tap (kh, kw). */
  private void accumulate(float[] x, int xPlane, float[] z, int zPlane, float weight, int kh, int kw) {
    for (int oh = g.firstInside(kh), ohEnd = g.endInside(kh, g.height(), outHeight); oh < ohEnd; oh++) {
      int xLine = xPlane + (oh * g.stride() - g.padding() + kh * g.dilation()) * g.width();
      int zLine = zPlane + oh * outWidth;
      for (int ow = g.firstInside(kw), owEnd = g.endInside(kw, g.width(), outWidth); ow < owEnd; ow++) {
        z[zLine + ow] += weight * x[xLine + ow * g.stride() - g.padding() + kw * g.dilation()];
      }
    }
  }

  @Override
  public void inputGradient(float[] dz, float[] p, int wOff, float[] dx, int rows) {
    Arrays.fill(dx, 0, rows * g.inSize(), 0f);
    int plane = outHeight * outWidth;
    for (int r = 0; r < rows; r++) {
      for (int o = 0; o < g.out(); o++) {
        int zPlane = r * g.outSize() + o * plane;
        for (int c = 0; c < g.in(); c++) {
          int xPlane = r * g.inSize() + c * g.height() * g.width();
          for (int kh = 0; kh < g.kernel(); kh++) {
            for (int kw = 0; kw < g.kernel(); kw++) {
              float weight = p[wOff + ((o * g.in() + c) * g.kernel() + kh) * g.kernel() + kw];
              scatter(dz, zPlane, dx, xPlane, weight, kh, kw);
            }
          }
        }
      }
    }
  }

  /** {@code dxPlane[ih, iw] += weight · dzPlane[oh, ow]} for the one kernel tap (kh, kw). */
  private void scatter(float[] dz, int zPlane, float[] dx, int xPlane, float weight, int kh, int kw) {
    for (int oh = g.firstInside(kh), ohEnd = g.endInside(kh, g.height(), outHeight); oh < ohEnd; oh++) {
      int xLine = xPlane + (oh * g.stride() - g.padding() + kh * g.dilation()) * g.width();
      int zLine = zPlane + oh * outWidth;
      for (int ow = g.firstInside(kw), owEnd = g.endInside(kw, g.width(), outWidth); ow < owEnd; ow++) {
        dx[xLine + ow * g.stride() - g.padding() + kw * g.dilation()] += weight * dz[zLine + ow];
      }
    }
  }

  @Override
  public void parameterGradient(float[] dz, float[] x, float[] grads, int wOff, int bOff, int rows) {
    Arrays.fill(grads, wOff, wOff + g.weightSize(), 0f);
    int plane = outHeight * outWidth;
    for (int o = 0; o < g.out(); o++) {
      double bias = 0;
      for (int r = 0; r < rows; r++) {
        int zPlane = r * g.outSize() + o * plane;
        for (int i = 0; i < plane; i++) bias += dz[zPlane + i];
        for (int c = 0; c < g.in(); c++) {
          int xPlane = r * g.inSize() + c * g.height() * g.width();
          for (int kh = 0; kh < g.kernel(); kh++) {
            for (int kw = 0; kw < g.kernel(); kw++) {
              grads[wOff + ((o * g.in() + c) * g.kernel() + kh) * g.kernel() + kw] += tap(dz, zPlane, x, xPlane, kh, kw);
            }
          }
        }
      }
      if (bOff >= 0) grads[bOff + o] = (float) bias;
    }
  }

  /** {@code Σ dzPlane[oh, ow] · xPlane[ih, iw]} over the output positions whose tap (kh, kw) reads inside x. */
  private float tap(float[] dz, int zPlane, float[] x, int xPlane, int kh, int kw) {
    float sum = 0f;
    for (int oh = g.firstInside(kh), ohEnd = g.endInside(kh, g.height(), outHeight); oh < ohEnd; oh++) {
      int xLine = xPlane + (oh * g.stride() - g.padding() + kh * g.dilation()) * g.width();
      int zLine = zPlane + oh * outWidth;
      for (int ow = g.firstInside(kw), owEnd = g.endInside(kw, g.width(), outWidth); ow < owEnd; ow++) {
        sum += dz[zLine + ow] * x[xLine + ow * g.stride() - g.padding() + kw * g.dilation()];
      }
    }
    return sum;
  }
}
