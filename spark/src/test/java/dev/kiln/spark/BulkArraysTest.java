package dev.kiln.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** What travels between driver and executors survives Java serialization bit for bit. */
class BulkArraysTest {
  @Test
  void aPartitionGradientComesBackBitForBit() throws Exception {
    float[] gradients = {1.5f, -0f, Float.NaN, Float.MIN_VALUE, -3.25e-7f, Float.NEGATIVE_INFINITY};
    PartitionGradient sent = new PartitionGradient(7, gradients, 2.5, 6.0, new float[] {0.1f}, new long[] {4});
    PartitionGradient received = roundTrip(sent);
    assertEquals(7, received.rows());
    assertArrayEquals(gradients, received.gradients());
    assertEquals(2.5, received.loss());
    assertEquals(6.0, received.weight());
    assertArrayEquals(new float[] {0.1f}, received.buffers());
    assertArrayEquals(new long[] {4}, received.longBuffers());
  }

  @Test
  void anEmptyPartitionsGradientComesBackEmpty() throws Exception {
    PartitionGradient received = roundTrip(PartitionGradient.none());
    assertEquals(0, received.rows());
    assertNull(received.gradients());
    assertNull(received.buffers());
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
