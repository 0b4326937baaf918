package dev.kiln.runtime.generated;

import dev.kiln.runtime.GradientSum;
import dev.kiln.runtime.KilnTrainer;
import dev.kiln.runtime.activation.DropoutRandom;
import dev.kiln.runtime.data.Dataset;
import dev.kiln.runtime.io.StateDict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.kiln.runtime.optim.GradientClipping;
import dev.kiln.runtime.optim.Optimizer;
import dev.kiln.runtime.optim.OptimizerState;
import dev.kiln.runtime.train.FitOptions;
import dev.kiln.runtime.train.Fitting;
import dev.kiln.runtime.train.TrainingHistory;

/**
 * What generated trainers share: the gradients, the optimizer's state, the learning rate and
 * gradient clipping. A generated trainer writes the gradients of a batch and calls {@link #update}.
 */
public abstract class AbstractTrainer implements KilnTrainer {
  protected final float[] parameters;
  protected final float[] gradients;
  private final float[] buffers;
  private final long[] longBuffers;
  private final Optimizer settings;
  private final OptimizerState optimizer;
  private float maxGradientNorm = Float.POSITIVE_INFINITY;
  private boolean gradientsOnly;

  /** A trainer of a model without buffers. */
  protected AbstractTrainer(float[] parameters, Optimizer optimizer) {
    this(parameters, new float[0], new long[0], optimizer);
  }

  /** A trainer of a model whose buffers (running statistics, counters) live in {@code buffers} and {@code longBuffers}. */
  protected AbstractTrainer(float[] parameters, float[] buffers, long[] longBuffers, Optimizer optimizer) {
    this.parameters = parameters;
    this.gradients = new float[parameters.length];
    this.buffers = buffers;
    this.longBuffers = longBuffers;
    this.settings = optimizer;
    this.optimizer = optimizer.newState(parameters.length);
  }

  /** The source of the dropout masks, in trainers of networks with dropout; null in the others. */
  protected DropoutRandom dropoutRandom() {
    return null;
  }

  /**
   * Trains on {@code data} as {@code options} say: epochs of shuffled mini-batches, the learning rate
   * of each epoch from the schedule, a console progress bar. Returns what each epoch measured.
   *
   * @throws dev.kiln.runtime.train.TrainingDivergedException when a loss turns NaN or infinite, naming the
   *     epoch and step, with the parameters as they were before that step
   */
  public final TrainingHistory fit(Dataset data, FitOptions options) {
    return Fitting.fit(this, data, options);
  }

  @Override
  public final void saveCheckpoint(Path file) throws IOException {
    saveCheckpoint(file, Map.of());
  }

  @Override
  public final void saveCheckpoint(Path file, Map<String, String> progress) throws IOException {
    Checkpoint layout = Checkpoint.of(model(), optimizer.planeNames());
    Map<String, String> metadata = new LinkedHashMap<>(progress);
    metadata.put(Checkpoint.FORMAT, "1");
    metadata.put(Checkpoint.INTERFACE, model().declaredInterface().getName());
    metadata.put(Checkpoint.OPTIMIZER, settings.toString());
    metadata.put(Checkpoint.LEARNING_RATE, Float.toString(optimizer.learningRate()));
    metadata.put(Checkpoint.STEPS, Long.toString(optimizer.steps()));
    if (dropoutRandom() != null) metadata.put(Checkpoint.DROPOUT_STATE, Long.toString(dropoutRandom().state()));
    layout.stateDict().save(file, parameters, layout.join(buffers, optimizer.planes()), longBuffers, metadata);
  }

  @Override
  public final Map<String, String> loadCheckpoint(Path file) throws IOException {
    Map<String, String> metadata = StateDict.metadata(file);
    if (!"1".equals(metadata.get(Checkpoint.FORMAT))) {
      throw new IOException(file + " is not a Kiln checkpoint; expected a file written by saveCheckpoint");
    }
    Checkpoint.expectSame(file, "the model", metadata.get(Checkpoint.INTERFACE), model().declaredInterface().getName());
    Checkpoint.expectSame(file, "the optimizer", metadata.get(Checkpoint.OPTIMIZER), settings.toString());
    float lr = Checkpoint.number(file, metadata, Checkpoint.LEARNING_RATE, Float::parseFloat);
    long steps = Checkpoint.number(file, metadata, Checkpoint.STEPS, Long::parseLong);
    Long dropoutState = dropoutRandom() == null ? null
        : Checkpoint.number(file, metadata, Checkpoint.DROPOUT_STATE, Long::parseLong);
    Checkpoint layout = Checkpoint.of(model(), optimizer.planeNames());
    float[] stagedParameters = new float[parameters.length];
    float[] stagedState = new float[buffers.length + optimizer.planes().length];
    long[] stagedLongs = new long[longBuffers.length];
    layout.stateDict().load(file, stagedParameters, stagedState, stagedLongs);
    // Everything is checked: only now does the trainer change.
    System.arraycopy(stagedParameters, 0, parameters, 0, parameters.length);
    System.arraycopy(stagedState, 0, buffers, 0, buffers.length);
    System.arraycopy(stagedState, buffers.length, optimizer.planes(), 0, optimizer.planes().length);
    System.arraycopy(stagedLongs, 0, longBuffers, 0, longBuffers.length);
    optimizer.learningRate(lr);
    optimizer.resume(steps);
    if (dropoutState != null) dropoutRandom().restore(dropoutState);
    return metadata;
  }

  @Override
  public final float[] gradients() {
    return gradients;
  }

  @Override
  public final float learningRate() {
    return optimizer.learningRate();
  }

  @Override
  public final void setLearningRate(float lr) {
    optimizer.learningRate(lr);
  }

  @Override
  public final void applyGradients() {
    if (maxGradientNorm != Float.POSITIVE_INFINITY) {
      GradientClipping.clipByGlobalNorm(gradients, maxGradientNorm);
    }
    optimizer.step(parameters, gradients);
  }

  @Override
  public final void setMaxGradientNorm(float maxNorm) {
    if (!(maxNorm > 0f)) {
      throw new IllegalArgumentException("maxNorm = " + maxNorm + " is invalid; expected a value > 0"
          + " (Float.POSITIVE_INFINITY turns clipping off)");
    }
    this.maxGradientNorm = maxNorm;
  }

  /**
   * Runs {@code step} as the gradient-only entry: no update, the gradients multiplied from the batch's
   * reduction back to its sums by {@code weight}; none where the loss is not finite (every target ignored).
   */
  protected final GradientSum sumGradients(StepRun step, double weight) {
    gradientsOnly = true;
    float loss;
    try {
      loss = step.run();
    } finally {
      gradientsOnly = false;
    }
    if (weight == 0 || !Float.isFinite(loss)) {
      java.util.Arrays.fill(gradients, 0f);
      return new GradientSum(weight == 0 ? 0 : loss, weight);
    }
    float scale = (float) weight;
    for (int i = 0; i < gradients.length; i++) gradients[i] *= scale;
    return new GradientSum(loss * weight, weight);
  }

  /**
   * A loss over a batch the model computed, as {@code evaluate} returns it: summed over the rows (the
   * reduced loss times the weight), with the weight; nothing where the weight is 0 or the loss not finite.
   */
  protected static GradientSum evaluated(float loss, double weight) {
    return weight == 0 || !Float.isFinite(loss) ? new GradientSum(0, weight) : new GradientSum(loss * weight, weight);
  }

  /** A step of the generated trainer, run by {@link #sumGradients(StepRun, double)}. */
  @FunctionalInterface
  protected interface StepRun {
    float run();
  }

  /** Clips the gradients if asked to, then lets the optimizer update the parameters. Returns {@code loss}. */
  protected final float update(float loss) {
    if (!gradientsOnly) applyGradients();
    return loss;
  }
}
