package dev.kiln.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * What one partition sends back for one step: its slice's gradients summed over the rows, the summed loss and
 * the reduction's weight ({@code GradientSum}), and the buffers its normalization layers left. A partition
 * whose rows are used up sends {@link #none()}. Under {@link Aggregation#TREE} it is also the sum of several
 * partitions' ({@link #sum}), {@link #parts()} of which had rows.
 */
final class PartitionGradient implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int rows;
  private transient float[] gradients;
  private final double loss;
  private final double weight;
  private transient float[] buffers;
  private final long[] longBuffers;
  private final int parts;

  PartitionGradient(int rows, float[] gradients, double loss, double weight, float[] buffers, long[] longBuffers) {
    this(rows, gradients, loss, weight, buffers, longBuffers, rows == 0 ? 0 : 1);
  }

  private PartitionGradient(int rows, float[] gradients, double loss, double weight, float[] buffers,
      long[] longBuffers, int parts) {
    this.parts = parts;
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

  /**
   * {@code left} plus {@code right}, in that order, element by element: a node of the gradient tree. The
   * long buffers (counters, the same in every partition) are the left's, as {@link GradientTotal} keeps the
   * first partition's.
   */
  static PartitionGradient sum(PartitionGradient left, PartitionGradient right) {
    if (right.rows == 0) return left;
    if (left.rows == 0) return right;
    float[] g = new float[left.gradients.length];
    for (int i = 0; i < g.length; i++) g[i] = left.gradients[i] + right.gradients[i];
    float[] b = new float[left.buffers.length];
    for (int i = 0; i < b.length; i++) b[i] = left.buffers[i] + right.buffers[i];
    return new PartitionGradient(left.rows + right.rows, g, left.loss + right.loss, left.weight + right.weight, b,
        left.longBuffers, left.parts + right.parts);
  }

  int rows() { return rows; }
  float[] gradients() { return gradients; }
  double loss() { return loss; }
  double weight() { return weight; }
  float[] buffers() { return buffers; }
  long[] longBuffers() { return longBuffers; }
  /** How many partitions with rows this is the sum of. */
  int parts() { return parts; }

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
