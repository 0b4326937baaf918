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
    for (int i = off; i < off + n; i++) y[i] = Gelus.gelu(z[i]);
  }

  @Override
  public void geluBackward(float[] z, float[] dy, int off, int n) {
    for (int i = off; i < off + n; i++) dy[i] *= Gelus.derivative(z[i]);
  }
}
