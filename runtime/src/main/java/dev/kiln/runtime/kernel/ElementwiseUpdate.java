package dev.kiln.runtime.kernel;

/**
 * An optimizer's update of {@code n} parameters, split between the calling thread and the worker the
 * way the layers' products were: the worker updates the rows of W whose gradients it computed (so
 * they stay in its core's cache), the caller everything else. Without such a record, in two halves.
 */
abstract class ElementwiseUpdate implements Parallel.Rows, WorkerRanges.RangeConsumer {
  float[] params;
  float[] grads;
  int n;
  /** The worker's ranges for this gradient array, or null to split in halves. */
  WorkerRanges ranges;

  /** Updates parameters [start, end). */
  abstract void range(int start, int end);

  /** Runs the update on one thread, or on two when {@code parallel}. */
  final void run(boolean parallel, WorkerRanges recorded) {
    ranges = recorded.covers(grads, n) ? recorded : null;
    if (!parallel) {
      range(0, n);
    } else {
      // Part 0 is the caller's, part 1 the worker's.
      Parallel.run(this, 2, 1, 2);
    }
  }

  @Override
  public final void rows(int from, int to) {
    for (int part = from; part < to; part++) {
      if (ranges == null) {
        // Halves, cut at a multiple of 64 so that both sides run whole vectors.
        int half = n / 2 / 64 * 64;
        if (part == 0) range(0, half);
        else range(half, n);
      } else if (part == 0) {
        ranges.forEachGap(n, this);
      } else {
        ranges.forEach(this);
      }
    }
  }

  @Override
  public final void accept(int start, int end) {
    range(start, end);
  }
}
