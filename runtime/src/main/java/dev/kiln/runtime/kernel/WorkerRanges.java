package dev.kiln.runtime.kernel;

import java.util.Arrays;

/**
 * The ranges of a gradient array that the worker thread wrote in the last weight gradients: rows of W,
 * one range per layer split between the threads. Recorded by the products, read by the optimizer's
 * update, which then gives each core the parameters whose gradients it already holds. One per thread,
 * shared by the Linear and the optimizer families ({@link #current()}).
 */
final class WorkerRanges {
  private static final ThreadLocal<WorkerRanges> CURRENT = ThreadLocal.withInitial(WorkerRanges::new);

  /** What a range is handed to. */
  interface RangeConsumer {
    void accept(int start, int end);
  }

  /** The calling thread's ranges. */
  static WorkerRanges current() {
    return CURRENT.get();
  }

  private float[] grads;
  private int[] starts = new int[8];
  private int[] ends = new int[8];
  private int count;

  /** Notes that the worker wrote {@code grads[start, end)}; a layer's range replaces its previous one. */
  void record(float[] grads, int start, int end) {
    if (grads != this.grads) {
      this.grads = grads;
      count = 0;
    }
    int at = 0;
    while (at < count && starts[at] < start) at++;
    if (at < count && starts[at] == start) {
      ends[at] = end;
      return;
    }
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, 2 * count);
      ends = Arrays.copyOf(ends, 2 * count);
    }
    System.arraycopy(starts, at, starts, at + 1, count - at);
    System.arraycopy(ends, at, ends, at + 1, count - at);
    starts[at] = start;
    ends[at] = end;
    count++;
  }

  /** Whether the ranges are about {@code grads}, lie within its first {@code n} values and do not overlap. */
  boolean covers(float[] grads, int n) {
    if (grads != this.grads || count == 0) return false;
    for (int i = 0; i < count; i++) {
      if (starts[i] < (i == 0 ? 0 : ends[i - 1]) || ends[i] > n || ends[i] < starts[i]) return false;
    }
    return true;
  }

  void forEach(RangeConsumer consumer) {
    for (int i = 0; i < count; i++) consumer.accept(starts[i], ends[i]);
  }

  /** Every part of [0, n) outside the ranges. */
  void forEachGap(int n, RangeConsumer consumer) {
    int at = 0;
    for (int i = 0; i < count; i++) {
      if (starts[i] > at) consumer.accept(at, starts[i]);
      at = ends[i];
    }
    if (at < n) consumer.accept(at, n);
  }
}
