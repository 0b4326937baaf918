package dev.kiln.runtime.generation;

import java.util.Arrays;

/**
 * How a {@link Generator} chooses the next token from the logits: {@link #greedy()} takes the largest;
 * {@link #temperature(float)} samples from {@code softmax(logits / t)}, optionally among the
 * {@link #topK(int)} largest (as nanoGPT does: every logit below the k-th largest is dropped, so ties
 * with it stay) and then among the smallest set whose probability reaches {@link #topP(float)} (as Hugging
 * Face's {@code TopPLogitsWarper}: logits sorted ascending, those whose cumulative probability is at most
 * {@code 1 - p} dropped, the largest always kept). Draws come from a SplitMix64 stream seeded by
 * {@link #seed(long)}: the same seed and prompt give the same tokens. Immutable: each wither returns a new
 * instance.
 */
public final class Sampling {
  private final boolean greedy;
  private final float temperature;
  private final int topK;
  private final float topP;
  private final long seed;

  private Sampling(boolean greedy, float temperature, int topK, float topP, long seed) {
    this.greedy = greedy;
    this.temperature = temperature;
    this.topK = topK;
    this.topP = topP;
    this.seed = seed;
  }

  /** The token with the largest logit (the first of equal ones); top-k and top-p cannot change it. */
  public static Sampling greedy() {
    return new Sampling(true, 1f, 0, 1f, 0);
  }

  /** Samples from {@code softmax(logits / t)}; t must be positive and finite. */
  public static Sampling temperature(float t) {
    if (!(t > 0f) || Float.isInfinite(t)) {
      throw new IllegalArgumentException("temperature " + t + " is invalid; expected a positive finite number");
    }
    return new Sampling(false, t, 0, 1f, 0);
  }

  /** Only the k largest logits (and any equal to the k-th) can be drawn; k must be at least 1. */
  public Sampling topK(int k) {
    if (k < 1) throw new IllegalArgumentException("topK " + k + " is invalid; expected at least 1");
    return new Sampling(greedy, temperature, k, topP, seed);
  }

  /** Only the most probable tokens whose probabilities add up to p can be drawn; p in (0, 1]. */
  public Sampling topP(float p) {
    if (!(p > 0f && p <= 1f)) throw new IllegalArgumentException("topP " + p + " is invalid; expected (0, 1]");
    return new Sampling(greedy, temperature, topK, p, seed);
  }

  /** The seed of the draws (default 0). */
  public Sampling seed(long seed) {
    return new Sampling(greedy, temperature, topK, topP, seed);
  }

  boolean isGreedy() {
    return greedy;
  }

  long seedValue() {
    return seed;
  }

  /**
   * The candidates' probabilities, in place of {@code logits} [n]: temperature, then top-k, then top-p,
   * then softmax over what is left (0 for every token that cannot be drawn). {@code scratch} holds n
   * values, so that a token allocates nothing.
   */
  void probabilities(float[] logits, int n, long[] scratch) {
    for (int i = 0; i < n; i++) logits[i] /= temperature;
    if (topK > 0 && topK < n) {
      // The k-th largest: sort the logits' order-preserving keys, as below.
      for (int i = 0; i < n; i++) scratch[i] = orderKey(logits[i]);
      Arrays.sort(scratch, 0, n);
      long kth = scratch[n - topK];
      for (int i = 0; i < n; i++) {
        if (orderKey(logits[i]) < kth) logits[i] = Float.NEGATIVE_INFINITY;
      }
    }
    softmax(logits, n);
    if (topP < 1f) {
      // Ascending by probability, ties in index order: each key is a probability's bits (which order
      // non-negative floats as their values) above the token's index.
      for (int i = 0; i < n; i++) scratch[i] = (long) Float.floatToRawIntBits(logits[i]) << 32 | i;
      Arrays.sort(scratch, 0, n);
      float cumulative = 0f;
      for (int s = 0; s < n - 1; s++) {
        int token = (int) scratch[s];
        cumulative += logits[token];
        if (cumulative <= 1f - topP) logits[token] = 0f;
      }
      float sum = 0f;
      for (int i = 0; i < n; i++) sum += logits[i];
      for (int i = 0; i < n; i++) logits[i] /= sum;
    }
  }

  /** A long that orders as the float does (every float here is a logit or -∞, never NaN). */
  private static long orderKey(float v) {
    int bits = Float.floatToRawIntBits(v + 0f); // -0 as +0, equal as floats
    return bits >= 0 ? bits : (long) (bits ^ 0x7fffffff);
  }

  private static void softmax(float[] z, int n) {
    float max = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) max = Math.max(max, z[i]);
    float sum = 0f;
    for (int i = 0; i < n; i++) {
      z[i] = (float) Math.exp(z[i] - max);
      sum += z[i];
    }
    for (int i = 0; i < n; i++) z[i] /= sum;
  }

  @Override
  public String toString() {
    if (greedy) return "Sampling.greedy()";
    return "Sampling.temperature(" + temperature + ")" + (topK > 0 ? ".topK(" + topK + ")" : "")
        + (topP < 1f ? ".topP(" + topP + ")" : "") + ".seed(" + seed + ")";
  }
}
