package dev.kiln.samples.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.io.TensorSpec;
import dev.kiln.runtime.testing.Oracle;
import java.util.Arrays;

/** Moves state dicts between a model's parameters and the oracle's JSON (name → {shape, data}). */
public final class StateDicts {
  private StateDicts() {}

  /** Copies every tensor of {@code json} into the model, checking that names and sizes agree. */
  public static void copyInto(KilnModel model, JsonNode json) {
    for (TensorSpec spec : model.stateDict().tensors()) {
      JsonNode tensor = json.get(spec.name());
      if (tensor == null) {
        throw new AssertionError("the case has no tensor " + spec.name());
      }
      float[] data = Oracle.floats(tensor.get("data"));
      if (data.length != spec.size()) {
        throw new AssertionError(spec.name() + " has " + data.length + " values in the case, " + spec.size() + " in the model");
      }
      System.arraycopy(data, 0, model.parameters(), spec.offset(), data.length);
    }
    if (json.size() != model.stateDict().tensors().size()) {
      throw new AssertionError("the case has " + json.size() + " tensors, the model " + model.stateDict().tensors().size());
    }
  }

  /** The values of one tensor of the model. */
  public static float[] tensor(KilnModel model, TensorSpec spec) {
    return Arrays.copyOfRange(model.parameters(), spec.offset(), spec.offset() + spec.size());
  }
}
