package dev.kiln.spark;

import dev.kiln.runtime.data.Dataset;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.SplittableRandom;

/**
 * One partition's rows (features or token ids) packed into contiguous arrays, cached as one object: a step copies its slice from
 * here instead of walking the partition's {@link Example}s again.
 */
final class PartitionRows implements Serializable {
  private static final long serialVersionUID = 1L;

  final int partition;
  final int rows;
  final int width;
  final float[] features;
  /** Token ids, [rows x width], for a model that reads them (then {@code features} is null). */
  final int[] tokens;
  /** Class indices, or null for float targets. */
  final int[] labels;
  /** Float targets, [rows x targetWidth], or null for class indices. */
  final float[] targets;
  final int targetWidth;
  /** The rows {@link SparkFitOptions#skipInvalidRows} dropped from this partition. */
  final int skipped;

  /** The order of the last epoch asked for, kept so that its steps do not draw it again. */
  private transient int[] order;
  private transient long orderKey;

  private PartitionRows(int partition, int rows, int width, float[] features, int[] tokens, int[] labels,
      float[] targets, int targetWidth, int skipped) {
    this.partition = partition;
    this.rows = rows;
    this.width = width;
    this.features = features;
    this.tokens = tokens;
    this.labels = labels;
    this.targets = targets;
    this.targetWidth = targetWidth;
    this.skipped = skipped;
  }

  /**
   * Packs a partition's examples, checking each against {@code shape}: a row of the wrong kind is an
   * {@link IllegalArgumentException}, and so is an invalid one unless {@code skipInvalid}, which drops it.
   */
  static PartitionRows pack(int partition, Iterator<Example> examples, RowShape shape, boolean skipInvalid) {
    int capacity = 256;
    float[] x = shape.tokens() ? null : new float[capacity * shape.inputs()];
    int[] ids = shape.tokens() ? new int[capacity * shape.inputs()] : null;
    int[] labels = shape.labels() ? new int[capacity] : null;
    float[] targets = shape.labels() ? null : new float[capacity * shape.outputs()];
    int rows = 0;
    int skipped = 0;
    for (long index = 0; examples.hasNext(); index++) {
      Example row = examples.next();
      shape.checkKind(row, partition, index);
      String invalid = shape.invalidity(row);
      if (invalid != null) {
        if (!skipInvalid) {
          throw new IllegalArgumentException("row " + index + " of partition " + partition + " " + invalid
              + " (SparkFitOptions.skipInvalidRows() drops such rows)");
        }
        skipped++;
        continue;
      }
      if (rows == capacity) {
        if (capacity > Integer.MAX_VALUE / 2 / Math.max(shape.inputs(), 1)) {
          throw new IllegalArgumentException("partition " + partition + " holds more than " + capacity + " rows of "
              + shape.inputs() + " features, more than one array can; expected more, smaller partitions (repartition)");
        }
        capacity *= 2;
        if (x != null) x = Arrays.copyOf(x, capacity * shape.inputs());
        else ids = Arrays.copyOf(ids, capacity * shape.inputs());
        if (labels != null) labels = Arrays.copyOf(labels, capacity);
        else targets = Arrays.copyOf(targets, capacity * shape.outputs());
      }
      if (x != null) System.arraycopy(row.features(), 0, x, rows * shape.inputs(), shape.inputs());
      else System.arraycopy(row.tokens(), 0, ids, rows * shape.inputs(), shape.inputs());
      if (labels != null) labels[rows] = row.label();
      else System.arraycopy(row.target(), 0, targets, rows * shape.outputs(), shape.outputs());
      rows++;
    }
    return new PartitionRows(partition, rows, shape.inputs(),
        x == null ? null : Arrays.copyOf(x, rows * shape.inputs()),
        ids == null ? null : Arrays.copyOf(ids, rows * shape.inputs()),
        labels == null ? null : Arrays.copyOf(labels, rows),
        targets == null ? null : Arrays.copyOf(targets, rows * shape.outputs()), shape.outputs(), skipped);
  }

  /**
   * The order of this partition's rows in {@code epoch}: as they are, or shuffled with a permutation drawn
   * from (seed, epoch, partition).
   */
  synchronized int[] order(boolean shuffle, long seed, int epoch) {
    if (!shuffle) return null;
    long key = Seeds.mix(seed, epoch, partition);
    if (order == null || orderKey != key) {
      order = shuffledOrder(rows, seed, epoch, partition);
      orderKey = key;
    }
    return order;
  }

  /** The shuffled order of a partition of {@code rows} rows in {@code epoch}. */
  static int[] shuffledOrder(int rows, long seed, int epoch, int partition) {
    return Dataset.permutation(rows, new SplittableRandom(Seeds.mix(seed, epoch, partition)));
  }

  /** Copies the rows {@code order[from, from + count)} (or {@code [from, from + count)}) into a batch. */
  void copy(int[] order, int from, int count, Object x, int[] batchLabels, float[] batchTargets) {
    for (int i = 0; i < count; i++) {
      int row = order == null ? from + i : order[from + i];
      System.arraycopy(tokens != null ? tokens : features, row * width, x, i * width, width);
      if (batchLabels != null) batchLabels[i] = labels[row];
      else System.arraycopy(targets, row * targetWidth, batchTargets, i * targetWidth, targetWidth);
    }
  }
}
