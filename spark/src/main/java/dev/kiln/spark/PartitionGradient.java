package dev.kiln.spark;

import java.io.Serializable;

/**
 * What one partition sends back for one step: its slice's gradients summed over the rows, the summed loss and
 * the reduction's weight ({@code GradientSum}), and the buffers its normalization layers left. A partition
 * whose rows are used up sends {@link #none()}.
 */
record PartitionGradient(int rows, float[] gradients, double loss, double weight, float[] buffers,
    long[] longBuffers) implements Serializable {
  static PartitionGradient none() {
    return new PartitionGradient(0, null, 0, 0, null, null);
  }
}
