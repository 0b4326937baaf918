package dev.kiln.spark;

import java.io.Serializable;

/**
 * How an epoch's steps are cut: partition p gives each step a consecutive slice of {@code slice[p]} rows
 * (its share of the batch, rounded up), step i taking slice i of every partition; the epoch has as many
 * steps as its partition with the most slices.
 */
record StepPlan(int[] rows, int[] slice, int steps) implements Serializable {
  static StepPlan of(long[] partitionRows, int batchSize) {
    long total = 0;
    for (long rows : partitionRows) total += rows;
    if (total == 0) throw new IllegalArgumentException("the RDD has no rows; expected at least one Example");
    int[] rows = new int[partitionRows.length];
    int[] slice = new int[partitionRows.length];
    int steps = 0;
    for (int p = 0; p < rows.length; p++) {
      rows[p] = Math.toIntExact(partitionRows[p]);
      if (rows[p] == 0) continue;
      long share = (batchSize * partitionRows[p] + total - 1) / total;
      slice[p] = (int) Math.max(1, Math.min(rows[p], share));
      steps = Math.max(steps, (rows[p] + slice[p] - 1) / slice[p]);
    }
    return new StepPlan(rows, slice, steps);
  }

  /** The first row, in the epoch's order, that partition {@code p} gives to {@code step}. */
  int from(int p, int step) {
    return Math.min(rows[p], step * slice[p]);
  }

  /** How many rows partition {@code p} gives to {@code step}; 0 once it has given them all. */
  int count(int p, int step) {
    return Math.min(slice[p], rows[p] - from(p, step));
  }

  long totalRows() {
    long total = 0;
    for (int r : rows) total += r;
    return total;
  }
}
