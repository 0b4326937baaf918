package dev.kiln.runtime.kernel;

import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Splits a range of rows between the calling thread and one worker, without allocating: the worker
 * spins briefly for work, then parks. Used only for work large enough to repay waking it; one caller
 * at a time (a second caller meanwhile runs its range alone).
 */
public final class Parallel {
  /** A range task: computes rows [from, to). Implementations are reused, so they must not be shared. */
  public interface Rows {
    void rows(int from, int to);
  }

  private static final long SPIN_NANOS = 50_000;
  private static final ReentrantLock LOCK = new ReentrantLock();
  private static final Worker WORKER = new Worker();

  private Parallel() {}

  /** Runs {@code task} over [0, n), split in two at {@link #splitPoint} when {@code threads > 1}. */
  static void run(Rows task, int n, int threads) {
    run(task, n, splitPoint(n), threads);
  }

  /**
   * Where {@link #run(Rows, int, int)} splits [0, n): the worker takes [splitPoint, n). A multiple of 4,
   * which keeps 4-row blocks whole on both sides; 0 when n is too small to split.
   */
  static int splitPoint(int n) {
    int half = n / 2;
    return half - half % 4;
  }

  /** Runs {@code task} over [0, split) here and [split, n) on the worker, when {@code threads > 1}. */
  public static void run(Rows task, int n, int split, int threads) {
    if (threads < 2 || split <= 0 || split >= n || !LOCK.tryLock()) {
      task.rows(0, n);
      return;
    }
    try {
      WORKER.submit(task, split, n);
      task.rows(0, split);
      WORKER.await();
    } finally {
      LOCK.unlock();
    }
  }

  private static final class Worker implements Runnable {
    private final Thread thread;
    private volatile Rows task;
    private volatile boolean done = true;
    private volatile Throwable failure;
    private int from;
    private int to;

    Worker() {
      thread = new Thread(this, "kiln-kernel-worker");
      thread.setDaemon(true);
      thread.start();
    }

    void submit(Rows task, int from, int to) {
      this.from = from;
      this.to = to;
      this.failure = null;
      this.done = false;
      this.task = task; // published last: the worker reads from and to after seeing it
      LockSupport.unpark(thread);
    }

    void await() {
      long start = System.nanoTime();
      while (!done) {
        if (System.nanoTime() - start < SPIN_NANOS) {
          Thread.onSpinWait();
        } else {
          Thread.yield();
        }
      }
      Throwable f = failure;
      if (f != null) {
        throw new IllegalStateException("a kernel worker failed", f);
      }
    }

    @Override
    public void run() {
      while (true) {
        Rows t = task;
        if (t == null) {
          long start = System.nanoTime();
          while ((t = task) == null && System.nanoTime() - start < SPIN_NANOS) Thread.onSpinWait();
          if (t == null) {
            LockSupport.park(this);
            continue;
          }
        }
        try {
          t.rows(from, to);
        } catch (Throwable e) {
          failure = e;
        }
        task = null;
        done = true;
      }
    }
  }
}
