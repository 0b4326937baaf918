package dev.kiln.spark;

import dev.kiln.runtime.KilnModel;
import java.io.Serializable;

/** What the driver broadcasts each step: a copy of the model's parameters and buffers. */
record ModelState(float[] parameters, float[] buffers, long[] longBuffers) implements Serializable {
  static ModelState of(KilnModel model) {
    return new ModelState(model.parameters().clone(), model.buffers().clone(), model.longBuffers().clone());
  }

  /** Writes this state into {@code model}, one of the same class. */
  void copyInto(KilnModel model) {
    System.arraycopy(parameters, 0, model.parameters(), 0, parameters.length);
    System.arraycopy(buffers, 0, model.buffers(), 0, buffers.length);
    System.arraycopy(longBuffers, 0, model.longBuffers(), 0, longBuffers.length);
  }
}
