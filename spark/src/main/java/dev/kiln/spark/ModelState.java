package dev.kiln.spark;

import dev.kiln.runtime.KilnModel;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/** What the driver broadcasts each step: a copy of the model's parameters and buffers. */
final class ModelState implements Serializable {
  private static final long serialVersionUID = 1L;

  private transient float[] parameters;
  private transient float[] buffers;
  private long[] longBuffers;

  private ModelState(float[] parameters, float[] buffers, long[] longBuffers) {
    this.parameters = parameters;
    this.buffers = buffers;
    this.longBuffers = longBuffers;
  }

  static ModelState of(KilnModel model) {
    return new ModelState(model.parameters().clone(), model.buffers().clone(), model.longBuffers().clone());
  }

  /** Writes this state into {@code model}, one of the same class. */
  void copyInto(KilnModel model) {
    System.arraycopy(parameters, 0, model.parameters(), 0, parameters.length);
    System.arraycopy(buffers, 0, model.buffers(), 0, buffers.length);
    System.arraycopy(longBuffers, 0, model.longBuffers(), 0, longBuffers.length);
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    BulkArrays.write(out, parameters);
    BulkArrays.write(out, buffers);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    parameters = BulkArrays.read(in);
    buffers = BulkArrays.read(in);
  }
}
