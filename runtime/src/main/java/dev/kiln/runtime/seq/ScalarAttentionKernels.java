package dev.kiln.runtime.seq;

/** Attention's loops on plain Java: the reference the Vector API ones are tested against. */
final class ScalarAttentionKernels implements AttentionKernels {
  @Override
  public void product(float[] a, int aOff, int aStride, float[] b, int bOff, int bStride, float[] c, int cOff,
      int cStride, int m, int n, int k) {
    for (int i = 0; i < m; i++) {
      int ci = cOff + i * cStride;
      java.util.Arrays.fill(c, ci, ci + n, 0f);
      for (int p = 0; p < k; p++) {
        float aip = a[aOff + i * aStride + p];
        int bp = bOff + p * bStride;
        for (int j = 0; j < n; j++) c[ci + j] += aip * b[bp + j];
      }
    }
  }

  @Override
  public void softmaxRows(float[] s, int off, int m, int n) {
    for (int i = 0; i < m; i++) {
      int row = off + i * n;
      float max = Float.NEGATIVE_INFINITY;
      for (int j = 0; j < n; j++) max = Math.max(max, s[row + j]);
      if (max == Float.NEGATIVE_INFINITY) {
        java.util.Arrays.fill(s, row, row + n, 0f);
        continue;
      }
      float sum = 0f;
      for (int j = 0; j < n; j++) {
        float e = (float) Math.exp(s[row + j] - max);
        s[row + j] = e;
        sum += e;
      }
      float inverse = 1f / sum;
      for (int j = 0; j < n; j++) s[row + j] *= inverse;
    }
  }
}
