package dev.kiln.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * What one partition sends back for one step: its slice's gradients summed over the rows, the summed loss and
 * the reduction's weight ({@code GradientSum}), and the buffers its normalization layers left. A partition
 * whose rows are used up sends {@link #none()}.
 */
final class PartitionGradient implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int rows;
  private transient float[] gradients;
  private final double loss;
  private final double weight;
  private transient float[] buffers;
  private final long[] longBuffers;

  PartitionGradient(int rows, float[] gradients, double loss, double weight, float[] buffers, long[] longBuffers) {
    this.rows = rows;
    this.gradients = gradients;
    this.loss = loss;
    this.weight = weight;
    this.buffers = buffers;
    this.longBuffers = longBuffers;
  }

  static PartitionGradient none() {
    return new PartitionGradient(0, null, 0, 0, null, null);
  }

  int rows() { return rows; }
  float[] gradients() { return gradients; }
  double loss() { return loss; }
  double weight() { return weight; }
  float[] buffers() { return buffers; }
  long[] longBuffers() { return longBuffers; }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    BulkArrays.write(out, gradients);
    BulkArrays.write(out, buffers);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    gradients = BulkArrays.read(in);
    buffers = BulkArrays.read(in);
  }
}
