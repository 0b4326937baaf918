package dev.kiln.runtime.generation;

import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.Layer;
import dev.kiln.runtime.graph.EmbeddingOp;
import dev.kiln.runtime.graph.Operation;
import dev.kiln.runtime.graph.ResidualAddOp;
import dev.kiln.runtime.io.TensorSpec;
import dev.kiln.runtime.kernel.KernelProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates tokens from a causal language model, one position per token: each attention layer keeps the
 * keys and values of the positions seen (allocated once, here), so a token costs a few matrix-vector
 * products instead of a pass over the whole window. A prompt's positions go through together, as rows of
 * the same products. Once the window is full, each new token slides it: the last {@code length} tokens
 * are computed again from position 0, as a window cropped to its last {@code length} tokens is in
 * nanoGPT's {@code generate()} (learned positions move with the crop, so no kept key is still valid), so
 * every token equals what the model's {@code forward} over that window gives. Reads the model's
 * parameters as they are at each token.
 *
 * <p>Not thread-safe: one generator per stream. The model it reads stays safe to share.
 */
public final class Generator {
  private final KilnModel model;
  private final Sampling sampling;
  private final int length;
  private final int vocabulary;
  private final int paddingIndex;
  private final int dim;
  private final int embeddingAt;
  /** The members after the embedding: their steps, in order, and where each keeps its input. */
  private final PositionStep[][] steps;
  private final float[][] inputs;
  private final boolean[] keepsInput;
  private final float[] a;
  private final float[] b;
  private final float[] logits;
  private final float[] candidates;
  private final long[] scratch;
  /** The tokens in the window, positions 0..count-1, and which of them are padding. */
  private final int[] window;
  private final boolean[] padding;
  private int count;
  private SplittableRandom random;

  private Generator(KilnModel model, Sampling sampling) {
    this.model = model;
    this.sampling = sampling;
    List<Layer> layers = model.layers();
    List<Operation> first = layers.get(0).operations();
    if (!model.readsTokens() || first.isEmpty() || !(first.get(0) instanceof EmbeddingOp embedding)) {
      throw new IllegalArgumentException("cannot generate from " + model.declaredInterface().getSimpleName()
          + ": its first member is not an @Embedding of tokens");
    }
    Map<String, Integer> offsets = new HashMap<>();
    for (Layer layer : layers) {
      for (TensorSpec spec : layer.tensors()) {
        if (spec.trainable()) offsets.put(spec.name(), spec.offset());
      }
    }
    this.vocabulary = embedding.vocabulary();
    this.paddingIndex = embedding.paddingIndex();
    this.dim = embedding.dim();
    this.embeddingAt = offsets.get(embedding.weight());
    this.length = model.inputSize();
    Set<String> joined = new HashSet<>();
    for (Layer layer : layers) {
      for (Operation op : layer.operations()) {
        if (op instanceof ResidualAddOp residual) joined.add(residual.from());
      }
    }
    int members = layers.size();
    this.steps = new PositionStep[members][];
    this.inputs = new float[members][];
    this.keepsInput = new boolean[members];
    Map<String, Integer> index = new HashMap<>();
    PositionSteps builder = new PositionSteps(offsets, name -> inputs[index.get(name)], length, dim,
        KernelProvider.linear());
    int widest = dim;
    int width = dim;
    for (int m = 0; m < members; m++) {
      Layer layer = layers.get(m);
      index.put(layer.name(), m);
      List<Operation> ops = m == 0 ? layer.operations().subList(1, first.size()) : layer.operations();
      List<PositionStep> built = new ArrayList<>();
      keepsInput[m] = joined.contains(layer.name());
      // Kept only for the members whose input a residual join adds later.
      inputs[m] = new float[keepsInput[m] ? length * width : 0];
      for (Operation op : ops) {
        PositionStep step = builder.step(op);
        built.add(step);
        width = step.width();
        widest = Math.max(widest, width);
      }
      steps[m] = built.toArray(PositionStep[]::new);
    }
    if (width != vocabulary) {
      throw new IllegalArgumentException("cannot generate from " + model.declaredInterface().getSimpleName()
          + ": a position's output has " + width + " values, not one logit per token of the vocabulary ("
          + vocabulary + ")");
    }
    this.a = new float[length * widest];
    this.b = new float[length * widest];
    this.logits = new float[vocabulary];
    this.candidates = new float[vocabulary];
    this.scratch = new long[vocabulary];
    this.window = new int[length];
    this.padding = new boolean[length];
    reset();
  }

  /** A generator of {@code model}'s tokens, chosen as {@code sampling} says. Generated models call this. */
  public static Generator of(KilnModel model, Sampling sampling) {
    if (sampling == null) {
      throw new IllegalArgumentException("sampling is null; expected Sampling.greedy() or Sampling.temperature(t)");
    }
    return new Generator(model, sampling);
  }

  /** Forgets every token and starts the sampling's draws again from its seed. */
  public void reset() {
    count = 0;
    random = new SplittableRandom(sampling.seedValue());
  }

  /**
   * {@code newTokens} tokens that follow {@code prompt}, each chosen from the logits after the one before
   * (the prompt's last token first). Starts from the prompt alone, as after {@link #reset}; afterwards
   * {@link #next} goes on from the last token returned.
   */
  public int[] generate(int[] prompt, int newTokens) {
    if (prompt == null || prompt.length == 0) {
      throw new IllegalArgumentException("the prompt is empty; expected at least one token");
    }
    if (newTokens < 0) throw new IllegalArgumentException("newTokens " + newTokens + " is negative");
    for (int i = 0; i < prompt.length; i++) check(prompt[i], "prompt[" + i + "]");
    reset();
    // Only the last window's worth of the prompt bears on the tokens that follow.
    int from = Math.max(0, prompt.length - length);
    System.arraycopy(prompt, from, window, 0, prompt.length - 1 - from);
    positions(0, prompt.length - 1 - from);
    int[] tokens = new int[newTokens];
    int token = prompt[prompt.length - 1];
    for (int i = 0; i < newTokens; i++) {
      token = next(token);
      tokens[i] = token;
    }
    return tokens;
  }

  /** Appends {@code token} to the context and returns the token chosen to follow it. */
  public int next(int token) {
    check(token, "token");
    feed(token);
    System.arraycopy(logits, 0, candidates, 0, vocabulary);
    return choose();
  }

  /** The logits computed for the last token fed, a copy: what the next token is chosen from. */
  public float[] logits() {
    if (count == 0) throw new IllegalStateException("no token fed yet; call next or generate first");
    return logits.clone();
  }

  /** The window's length: how many tokens the model sees at once. */
  public int length() {
    return length;
  }

  private void check(int token, String what) {
    if (token < 0 || token >= vocabulary) {
      throw new IllegalArgumentException(what + " " + token + " is outside the vocabulary [0, " + vocabulary + ")");
    }
  }

  /** Computes the position of {@code token}, sliding the window first when it is full. */
  private void feed(int token) {
    if (count == length) {
      // Cropped to the last length tokens: every position moves, so all of them are computed again.
      System.arraycopy(window, 1, window, 0, length - 1);
      window[length - 1] = token;
      positions(0, length);
    } else {
      window[count] = token;
      positions(count, 1);
    }
  }

  /** Computes the n positions of {@code window} from t on, positions 0..t-1 being in the caches. */
  private void positions(int t, int n) {
    if (n == 0) return;
    float[] p = model.parameters();
    for (int i = 0; i < n; i++) {
      padding[t + i] = window[t + i] == paddingIndex;
      System.arraycopy(p, embeddingAt + window[t + i] * dim, a, i * dim, dim);
    }
    float[] x = a;
    float[] y = b;
    for (int m = 0; m < steps.length; m++) {
      if (keepsInput[m]) System.arraycopy(x, 0, inputs[m], 0, n * (inputs[m].length / length));
      for (PositionStep step : steps[m]) {
        step.forward(p, x, y, t, n, padding);
        float[] swap = x;
        x = y;
        y = swap;
      }
    }
    System.arraycopy(x, (n - 1) * vocabulary, logits, 0, vocabulary);
    count = t + n;
  }

  /** The next token from {@link #candidates}, the last logits. */
  private int choose() {
    if (sampling.isGreedy()) {
      int best = 0;
      for (int i = 1; i < vocabulary; i++) {
        if (candidates[i] > candidates[best]) best = i;
      }
      return best;
    }
    sampling.probabilities(candidates, vocabulary, scratch);
    double u = random.nextDouble();
    double cumulative = 0;
    int last = 0;
    for (int i = 0; i < vocabulary; i++) {
      if (candidates[i] == 0f) continue;
      last = i;
      cumulative += candidates[i];
      if (u < cumulative) return i;
    }
    // Rounding left the sum just under u: the last candidate.
    return last;
  }

  @Override
  public String toString() {
    return "Generator(" + model.declaredInterface().getSimpleName() + ", " + sampling + ", window " + length
        + ", " + count + " positions cached)";
  }
}
