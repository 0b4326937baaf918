package dev.kiln.runtime;

import dev.kiln.runtime.graph.Readout;
import dev.kiln.runtime.io.StateDict;
import dev.kiln.runtime.optim.Optimizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What every generated model offers, whatever its layers: the view that tools (training loops,
 * evaluation, benchmarks) work with. Users mostly call the generated class, whose methods return
 * its own, more precise types.
 */
public interface KilnModel {
  /** Features per input row. */
  int inputSize();

  /** Values per output row. */
  int outputSize();

  /** The network's output for a row-major batch [rows x inputSize()]: [rows x outputSize()]. */
  float[] forward(float[] x);

  /**
   * The network's output for {@code x}, written into {@code out}: allocation-free once a batch size has
   * been seen, and, unlike {@link #forward(float[])}, not for several threads at once.
   */
  float[] forward(float[] x, float[] out);

  /** The class of each row of {@code x}. */
  int[] predict(float[] x);

  /** Whether the model reads token ids ({@code @Input(tokens, vocabulary)}) through the {@code int[]} forms. */
  default boolean readsTokens() {
    return false;
  }

  /** The output for a batch of token ids [rows x inputSize()], for a model that {@link #readsTokens()}. */
  default float[] forward(int[] tokens) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " reads floats, not token ids: pass a float[]");
  }

  /** {@link #forward(int[])} into {@code out}, allocation-free once a batch size has been seen. */
  default float[] forward(int[] tokens, float[] out) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " reads floats, not token ids: pass a float[]");
  }

  /** The class of each row of token ids. */
  default int[] predict(int[] tokens) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " reads floats, not token ids: pass a float[]");
  }

  /** How the generated {@code probabilities(x)} follows from {@code forward(x)}; {@code NONE} when there is none. */
  Readout readout();

  /**
   * The interface the model was declared as: the one its generated class implements besides this one
   * (the class itself for a hand-written model).
   */
  default Class<?> declaredInterface() {
    return java.util.Arrays.stream(getClass().getInterfaces()).filter(i -> i != KilnModel.class).findFirst()
        .orElse(getClass());
  }

  /** The layers, in declaration order. */
  List<Layer> layers();

  /** The parameters, live, in the layout of {@link #stateDict()}. */
  float[] parameters();

  /**
   * The F32 buffers (normalization layers' running statistics), live, in the layout of {@link #stateDict()};
   * empty for a model without. The optimizer never sees them.
   */
  default float[] buffers() {
    return new float[0];
  }

  /** The I64 buffers ({@code num_batches_tracked}), live, in the layout of {@link #stateDict()}; empty for a model without. */
  default long[] longBuffers() {
    return new long[0];
  }

  /** Names, shapes and offsets of the tensors in {@link #parameters()}. */
  StateDict stateDict();

  /** Writes the parameters as safetensors; see {@link StateDict#save}. */
  void save(Path path) throws IOException;

  /** A trainer that updates this model's parameters with {@code optimizer}. */
  KilnTrainer trainer(Optimizer optimizer);

  /**
   * A trainer that updates this model's parameters with {@code optimizer}, drawing dropout masks from
   * {@code dropoutSeed}: the same seed gives the same training run. A model without dropout ignores the seed.
   */
  default KilnTrainer trainer(Optimizer optimizer, long dropoutSeed) {
    return trainer(optimizer);
  }
}
