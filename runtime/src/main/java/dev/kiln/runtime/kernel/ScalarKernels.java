package dev.kiln.runtime.kernel;

/** Plain Java loops: correct everywhere, the fallback and the reference for the Vector API path. */
public final class ScalarKernels extends AbstractKernels {

  @Override
  public String name() {
    return "scalar";
  }

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
}
