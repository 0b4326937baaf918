package dev.kiln.spark;

import java.util.List;

/**
 * The driver's sum of one step's partition gradients (or, under {@link Aggregation#TREE}, of the tree's
 * top nodes), added in partition order, and the buffers the partitions' normalization layers left, averaged
 * over the partitions that had rows.
 */
final class GradientTotal {
  final float[] gradients;
  double loss;
  double weight;
  int rows;
  final float[] buffers;
  long[] longBuffers;
  private int bufferParts;

  private GradientTotal(int parameters, int buffers) {
    this.gradients = new float[parameters];
    this.buffers = new float[buffers];
  }

  static GradientTotal of(List<PartitionGradient> partitions, int parameters, int buffers) {
    GradientTotal total = new GradientTotal(parameters, buffers);
    for (PartitionGradient partition : partitions) total.add(partition);
    if (total.bufferParts > 1) {
      for (int i = 0; i < total.buffers.length; i++) total.buffers[i] /= total.bufferParts;
    }
    return total;
  }

  private void add(PartitionGradient partition) {
    if (partition.rows() == 0) return;
    rows += partition.rows();
    loss += partition.loss();
    weight += partition.weight();
    float[] g = partition.gradients();
    if (bufferParts == 0) {
      System.arraycopy(g, 0, gradients, 0, gradients.length);
    } else {
      for (int i = 0; i < gradients.length; i++) gradients[i] += g[i];
    }
    float[] b = partition.buffers();
    for (int i = 0; i < buffers.length; i++) buffers[i] += b[i];
    if (longBuffers == null) longBuffers = partition.longBuffers();
    bufferParts += partition.parts();
  }

  /** The reduced loss of the step: the summed loss over the summed weight (NaN when every target was ignored). */
  float reducedLoss() {
    return weight == 0 ? Float.NaN : (float) (loss / weight);
  }

  /** Divides the summed gradients by the summed weight, as the loss's reduction does for one batch. */
  void reduce() {
    float scale = (float) (1 / weight);
    for (int i = 0; i < gradients.length; i++) gradients[i] *= scale;
  }
}
