package dev.kiln.runtime.generated;

import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.io.StateDict;
import dev.kiln.runtime.io.TensorSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A trainer's checkpoint as one state dict: the model's tensors, then for each optimizer plane
 * ({@code exp_avg}, ...) one F32 buffer per parameter tensor, {@code optimizer.hidden.weight.exp_avg},
 * laid out after the model's buffers in plane order, which is how the planes lie in the optimizer's state.
 */
record Checkpoint(StateDict stateDict) {
  static final String FORMAT = "kiln.checkpoint";
  static final String INTERFACE = "kiln.interface";
  static final String OPTIMIZER = "kiln.optimizer";
  static final String LEARNING_RATE = "kiln.learning_rate";
  static final String STEPS = "kiln.optimizer_steps";
  static final String DROPOUT_STATE = "kiln.dropout_state";

  static Checkpoint of(KilnModel model, List<String> planes) {
    List<TensorSpec> tensors = model.stateDict().tensors();
    StateDict.Builder builder = StateDict.builder();
    for (TensorSpec spec : tensors) {
      if (spec.trainable()) builder.add(spec.name(), spec.shape());
    }
    for (TensorSpec spec : tensors) {
      if (!spec.trainable() && spec.dtype() == TensorSpec.DType.F32) builder.addBuffer(spec.name(), spec.shape());
    }
    for (String plane : planes) {
      for (TensorSpec spec : tensors) {
        if (spec.trainable()) builder.addBuffer("optimizer." + spec.name() + "." + plane, spec.shape());
      }
    }
    for (TensorSpec spec : tensors) {
      if (spec.dtype() == TensorSpec.DType.I64) builder.addLongBuffer(spec.name(), spec.shape());
    }
    return new Checkpoint(builder.build());
  }

  /** The model's buffers followed by the optimizer's planes, as this layout's buffer array. */
  float[] join(float[] buffers, float[] planes) {
    float[] joined = Arrays.copyOf(buffers, buffers.length + planes.length);
    System.arraycopy(planes, 0, joined, buffers.length, planes.length);
    return joined;
  }

  static void expectSame(Path file, String what, String saved, String mine) {
    if (!mine.equals(saved)) {
      throw new IllegalArgumentException(file + " is a checkpoint of " + what + " " + saved + "; this trainer's is "
          + mine);
    }
  }

  static <T> T number(Path file, Map<String, String> metadata, String key, Function<String, T> parse)
      throws IOException {
    String text = metadata.get(key);
    try {
      if (text == null) throw new NumberFormatException("missing");
      return parse.apply(text);
    } catch (NumberFormatException e) {
      throw new IOException(file + ": __metadata__ " + key + " is " + (text == null ? "missing" : "'" + text + "'")
          + "; expected a number", e);
    }
  }
}
