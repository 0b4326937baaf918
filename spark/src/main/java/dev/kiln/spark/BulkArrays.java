package dev.kiln.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes float arrays into Java serialization as one block of bytes: {@code ObjectOutputStream} converts a
 * {@code float[]} value by value, which for a step's parameters and gradients cost more than the job itself.
 */
final class BulkArrays {
  private BulkArrays() {}

  static void write(ObjectOutputStream out, float[] values) throws IOException {
    if (values == null) {
      out.writeObject(null);
      return;
    }
    byte[] bytes = new byte[values.length * Float.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(values);
    // As an object, the bytes go out raw; written with write(byte[]) they would be cut into 1 KB blocks.
    out.writeObject(bytes);
  }

  static float[] read(ObjectInputStream in) throws IOException {
    Object read;
    try {
      read = in.readObject();
    } catch (ClassNotFoundException e) {
      throw new IOException("a float array was expected", e);
    }
    if (read == null) return null;
    byte[] bytes = (byte[]) read;
    float[] values = new float[bytes.length / Float.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
    return values;
  }
}
