package dev.kiln.runtime.kernel;

/** The element-wise loops on plain Java: the reference the Vector API ones are tested against. */
final class ScalarVectorKernels implements VectorKernels {
  @Override
  public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
    float sum = 0f;
    for (int i = 0; i < n; i++) sum += a[aOff + i] * b[bOff + i];
    return sum;
  }

  @Override
  public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
    for (int i = 0; i < n; i++) y[yOff + i] += alpha * x[xOff + i];
  }

  @Override
  public void reluBackward(float[] y, float[] dy, int n) {
    for (int i = 0; i < n; i++) {
      if (y[i] <= 0f) dy[i] = 0f;
    }
  }

  @Override
  public void gelu(float[] z, float[] y, int off, int n) {
    for (int i = off; i < off + n; i++) {
      float x = z[i];
      y[i] = x * 0.5f * (1f + Gelus.erf(x * Gelus.SQRT_HALF, (float) Math.exp(-(x * Gelus.SQRT_HALF * (x * Gelus.SQRT_HALF)))));
    }
  }

  @Override
  public void geluBackward(float[] z, float[] dy, int off, int n) {
    for (int i = off; i < off + n; i++) {
      float x = z[i];
      float u = x * Gelus.SQRT_HALF;
      float e = (float) Math.exp(-(u * u));
      float cdf = 0.5f * (1f + Gelus.erf(u, e));
      dy[i] = dy[i] * Math.fma(x, Gelus.INV_SQRT_2PI * e, cdf);
    }
  }
}
