package dev.kiln.runtime.testing;

import dev.kiln.runtime.ClassIndexTrainer;
import dev.kiln.runtime.FloatTargetTrainer;
import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.KilnTrainer;
import java.util.Random;

/** A batch of inputs with targets of the kind a trainer takes: class indices or floats. */
public record Batch(float[] x, Object targets) {

  /** Random inputs and valid targets for {@code model}: class indices, or floats in [0, 1]. */
  public static Batch random(KilnModel model, KilnTrainer trainer, int rows, long seed) {
    Random random = new Random(seed);
    float[] x = new float[rows * model.inputSize()];
    for (int i = 0; i < x.length; i++) x[i] = (float) random.nextGaussian();
    if (trainer instanceof ClassIndexTrainer) {
      int[] classes = new int[rows];
      for (int r = 0; r < rows; r++) classes[r] = random.nextInt(model.outputSize());
      return new Batch(x, classes);
    }
    float[] targets = new float[rows * model.outputSize()];
    for (int i = 0; i < targets.length; i++) targets[i] = random.nextFloat();
    return new Batch(x, targets);
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
    if (targets instanceof int[] classes) {
      return ((ClassIndexTrainer) trainer).step(x, classes);
    }
    return ((FloatTargetTrainer) trainer).step(x, (float[]) targets);
  }
}
