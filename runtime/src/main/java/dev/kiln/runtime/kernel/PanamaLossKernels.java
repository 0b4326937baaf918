package dev.kiln.runtime.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fused losses on the Vector API: a vector of rows at a time, since classes are few and rows many;
 * exp and log through {@link VectorMath}, lane sums through {@link LaneSums}, so that a loss has the same
 * bits cold and warm. Loaded only where the Vector API kernels were chosen.
 */
final class PanamaLossKernels implements LossKernels {
  private static final VectorSpecies<Float> SPECIES = VectorShape.FLOATS;
  private static final int LANES = VectorShape.LANES;
  private static final VectorSpecies<Integer> INTS = VectorSpecies.of(int.class, SPECIES.vectorShape());
  private static final LossKernels SMALL_BATCHES = new ScalarLossKernels();
  /** Row vectors per chunk of cross-entropy, and where their three vectors each lie in the lane scratch. */
  private static final int CHUNK = (LaneSums.VECTORS - 1) / 3;
  private static final int SUMS = 0;
  private static final int OFFSETS = CHUNK * LANES;
  private static final int WEIGHTS = 2 * CHUNK * LANES;
  private static final int LOSSES = 3 * CHUNK * LANES;

  /** Each calling thread's transposed logits and gradient, so that no call allocates after the first. */
  private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

  private static final class Workspace {
    float[] transposed = new float[0];
    float[] gradient = new float[0];

    float[] transposed(int size) {
      if (transposed.length < size) transposed = new float[size];
      return transposed;
    }

    float[] gradient(int size) {
      if (gradient.length < size) gradient = new float[size];
      return gradient;
    }
  }

  @Override
  public float crossEntropy(float[] z, int[] targets, float[] g, int rows, int classes, int ignoreIndex,
      boolean mean) {
    if (rows < LANES) {
      return SMALL_BATCHES.crossEntropy(z, targets, g, rows, classes, ignoreIndex, mean);
    }
    // Rows are many and classes few: transposed, the rows are what vectors run along.
    Workspace ws = WORKSPACE.get();
    float[] zT = ws.transposed(rows * classes);
    float[] gT = ws.gradient(rows * classes);
    Transposes.transpose(z, rows, classes, zT);
    float loss = crossEntropyT(zT, targets, gT, rows, classes, ignoreIndex, mean);
    Transposes.transpose(gT, classes, rows, g);
    return loss;
  }

  @Override
  public float crossEntropyT(float[] zT, int[] targets, float[] gT, int rows, int classes, int ignoreIndex,
      boolean mean) {
    int counted = 0;
    for (int r = 0; r < rows; r++) if (targets[r] != ignoreIndex) counted++;
    if (mean && counted == 0) {
      java.util.Arrays.fill(gT, 0, rows * classes, 0f);
      return Float.NaN;
    }
    float scale = mean ? 1f / counted : 1f;
    int bound = SPECIES.loopBound(rows);
    float[] lanes = LaneSums.scratch();
    // No vector lives in this method across the calls below: the losses add up in the lane scratch.
    FloatVector.zero(SPECIES).intoArray(lanes, LOSSES);
    int r = 0;
    while (r < bound) {
      // A chunk of row vectors: their gradients first, then their logs in one loop, where log's long chain
      // of multiply-adds overlaps from vector to vector instead of stalling each.
      int vectors = Math.min(CHUNK, (bound - r) / LANES);
      for (int j = 0; j < vectors; j++) {
        crossEntropyRows(zT, targets, gT, r + j * LANES, rows, classes, ignoreIndex, scale, lanes, j * LANES);
      }
      VectorMath.log(lanes, SUMS, vectors);
      addLosses(lanes, vectors);
      r += vectors * LANES;
    }
    float loss = LaneSums.tree(lanes, LOSSES);
    for (; r < rows; r++) {
      int t = targets[r];
      if (t == ignoreIndex) {
        for (int c = 0; c < classes; c++) gT[c * rows + r] = 0f;
        continue;
      }
      float max = Float.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) max = Math.max(max, zT[c * rows + r]);
      float sum = 0f;
      for (int c = 0; c < classes; c++) {
        float e = (float) Math.exp(zT[c * rows + r] - max);
        gT[c * rows + r] = e;
        sum += e;
      }
      loss += (max + (float) Math.log(sum) - zT[t * rows + r]) * scale;
      float perSum = scale / sum;
      for (int c = 0; c < classes; c++) gT[c * rows + r] = gT[c * rows + r] * perSum - (c == t ? scale : 0f);
    }
    return loss;
  }

  /** Adds a chunk's losses, (max - target logit + log of the sum) x weight per row, to those at LOSSES. */
  private static void addLosses(float[] lanes, int vectors) {
    FloatVector losses = FloatVector.fromArray(SPECIES, lanes, LOSSES);
    for (int j = 0; j < vectors; j++) {
      FloatVector logSum = FloatVector.fromArray(SPECIES, lanes, SUMS + j * LANES);
      FloatVector offset = FloatVector.fromArray(SPECIES, lanes, OFFSETS + j * LANES);
      FloatVector weight = FloatVector.fromArray(SPECIES, lanes, WEIGHTS + j * LANES);
      losses = offset.add(logSum).fma(weight, losses);
    }
    losses.intoArray(lanes, LOSSES);
  }

  /**
   * Cross-entropy of the vector of rows from {@code r}: their gradient into {@code gT}; for their losses,
   * the sum of exponentials, max minus the target's logit, and the weight at {@code lanes[SUMS + j]},
   * {@code [OFFSETS + j]}, {@code [WEIGHTS + j]}.
   */
  private static void crossEntropyRows(float[] zT, int[] targets, float[] gT, int r, int rows, int classes,
      int ignoreIndex, float scale, float[] lanes, int j) {
    // A vector of rows at a time: the classes are few, the rows many.
    FloatVector max = FloatVector.fromArray(SPECIES, zT, r);
    for (int c = 1; c < classes; c++) max = max.max(FloatVector.fromArray(SPECIES, zT, c * rows + r));
    FloatVector sum = FloatVector.zero(SPECIES);
    for (int c = 0; c < classes; c++) {
      FloatVector.fromArray(SPECIES, zT, c * rows + r).sub(max).intoArray(gT, c * rows + r);
      VectorMath.exp(gT, c * rows + r);
      sum = sum.add(FloatVector.fromArray(SPECIES, gT, c * rows + r));
    }
    FloatVector target = (FloatVector) IntVector.fromArray(INTS, targets, r).convert(VectorOperators.I2F, 0);
    // Each row's share of the loss: 1/counted (or 1), and 0 for an ignored row.
    FloatVector weight = FloatVector.broadcast(SPECIES, scale)
        .blend(0f, target.compare(VectorOperators.EQ, (float) ignoreIndex));
    FloatVector perSum = weight.div(sum);
    FloatVector targetLogit = FloatVector.zero(SPECIES);
    for (int c = 0; c < classes; c++) {
      VectorMask<Float> isTarget = target.compare(VectorOperators.EQ, (float) c);
      int at = c * rows + r;
      targetLogit = targetLogit.blend(FloatVector.fromArray(SPECIES, zT, at), isTarget);
      FloatVector.fromArray(SPECIES, gT, at).mul(perSum)
          .sub(FloatVector.zero(SPECIES).blend(weight, isTarget)).intoArray(gT, at);
    }
    sum.intoArray(lanes, SUMS + j);
    max.sub(targetLogit).intoArray(lanes, OFFSETS + j);
    weight.intoArray(lanes, WEIGHTS + j);
  }

  @Override
  public float bceWithLogits(float[] x, float[] y, float[] grad, int n, float scale) {
    int bound = SPECIES.loopBound(n);
    FloatVector terms = FloatVector.zero(SPECIES);
    FloatVector one = FloatVector.broadcast(SPECIES, 1f);
    float[] lanes = LaneSums.scratch();
    int i = 0;
    for (; i < bound; i += LANES) {
      FloatVector v = FloatVector.fromArray(SPECIES, x, i);
      FloatVector t = FloatVector.fromArray(SPECIES, y, i);
      v.abs().neg().intoArray(grad, i);
      VectorMath.exp(grad, i);
      FloatVector e = FloatVector.fromArray(SPECIES, grad, i);
      e.intoArray(lanes, 0);
      VectorMath.log1p(lanes, 0);
      // σ(x) = 1 / (1 + e) for x >= 0 and e / (1 + e) below, with e = exp(-|x|) never overflowing.
      FloatVector numerator = one.blend(e, v.compare(VectorOperators.LT, 0f));
      FloatVector sigmoid = numerator.div(one.add(e));
      FloatVector logSigmoid = v.min(0f).sub(FloatVector.fromArray(SPECIES, lanes, 0));
      terms = terms.add(one.sub(t).mul(v).sub(logSigmoid));
      sigmoid.sub(t).mul(scale).intoArray(grad, i);
    }
    terms.intoArray(lanes, 0);
    float total = LaneSums.tree(lanes, 0);
    for (; i < n; i++) {
      float v = x[i];
      float e = (float) Math.exp(-Math.abs(v));
      float sigmoid = v >= 0 ? 1f / (1f + e) : e / (1f + e);
      total += (1f - y[i]) * v - (Math.min(v, 0f) - (float) Math.log1p(e));
      grad[i] = (sigmoid - y[i]) * scale;
    }
    return total * scale;
  }
}
