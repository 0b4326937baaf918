package dev.kiln.runtime.testing;

import dev.kiln.runtime.ClassIndexTrainer;
import dev.kiln.runtime.FloatTargetTrainer;
import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.KilnTrainer;
import dev.kiln.runtime.graph.EmbeddingOp;
import java.util.Random;

/**
 * A batch of inputs with targets of the kind a trainer takes: class indices or floats. The inputs are
 * floats {@code x}, or, for a model that reads token ids, {@code tokens} (and {@code x} is null).
 */
public record Batch(float[] x, int[] tokens, Object targets) {

  public Batch(float[] x, Object targets) {
    this(x, null, targets);
  }

  /** Random inputs and valid targets for {@code model}: class indices, or floats in [0, 1]. */
  public static Batch random(KilnModel model, KilnTrainer trainer, int rows, long seed) {
    Random random = new Random(seed);
    float[] x = model.readsTokens() ? null : new float[rows * model.inputSize()];
    int[] tokens = model.readsTokens() ? tokens(model, rows, random) : null;
    for (int i = 0; x != null && i < x.length; i++) x[i] = (float) random.nextGaussian();
    if (trainer instanceof ClassIndexTrainer) {
      // A model whose output is a sequence takes a class per position, each of its last layer's outputs.
      int positions = positions(model);
      int[] classes = new int[rows * positions];
      for (int i = 0; i < classes.length; i++) classes[i] = random.nextInt(model.outputSize() / positions);
      return new Batch(x, tokens, classes);
    }
    float[] targets = new float[rows * model.outputSize()];
    for (int i = 0; i < targets.length; i++) targets[i] = random.nextFloat();
    return new Batch(x, tokens, targets);
  }

  /** The positions of the model's output: its last layer's output length when that is a sequence, else 1. */
  public static int positions(KilnModel model) {
    int[] shape = model.layers().get(model.layers().size() - 1).outputShape();
    return shape.length == 2 ? shape[0] : 1;
  }

  /**
   * Token ids for {@code rows} rows of a token model: each row's first id not padding, then ids that are
   * padding about one time in four, as short rows padded at the end.
   */
  public static int[] tokens(KilnModel model, int rows, Random random) {
    EmbeddingOp embedding = (EmbeddingOp) model.layers().get(0).operations().get(0);
    int length = model.inputSize();
    int[] tokens = new int[rows * length];
    for (int r = 0; r < rows; r++) {
      int kept = embedding.paddingIndex() < 0 ? length : 1 + random.nextInt(length);
      for (int t = 0; t < length; t++) {
        int id = random.nextInt(embedding.vocabulary());
        while (id == embedding.paddingIndex()) id = random.nextInt(embedding.vocabulary());
        tokens[r * length + t] = t < kept ? id : embedding.paddingIndex();
      }
    }
    return tokens;
  }

  /** Random inputs and float targets in [0, 1], for trainers that take both kinds (cross-entropy). */
  public static Batch floats(KilnModel model, int rows, long seed) {
    Random random = new Random(seed);
    float[] x = new float[rows * model.inputSize()];
    for (int i = 0; i < x.length; i++) x[i] = (float) random.nextGaussian();
    float[] targets = new float[rows * model.outputSize()];
    for (int i = 0; i < targets.length; i++) targets[i] = random.nextFloat();
    return new Batch(x, targets);
  }

  /** One step of {@code trainer} on this batch; returns its loss. */
  public float step(KilnTrainer trainer) {
    if (tokens != null) {
      return targets instanceof int[] classes ? ((ClassIndexTrainer) trainer).step(tokens, classes)
          : ((FloatTargetTrainer) trainer).step(tokens, (float[]) targets);
    }
    if (targets instanceof int[] classes) {
      return ((ClassIndexTrainer) trainer).step(x, classes);
    }
    return ((FloatTargetTrainer) trainer).step(x, (float[]) targets);
  }
}
