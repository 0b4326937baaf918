package dev.kiln.samples.blobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.runtime.optim.Adam;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** After the first step of a batch size, a training step allocates nothing: workspaces are reused. */
class TrainingAllocationTest {

  @Test
  void stepsAfterWarmUpAllocateNoMemory() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Blobs data = Blobs.generate(1);
    BlobNetTrainer trainer = BlobNetModel.create(0).trainer(Adam.lr(0.01f));
    for (int i = 0; i < 20_000; i++) trainer.step(data.x(), data.labels()); // let the JIT compile the step
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < 1_000; i++) trainer.step(data.x(), data.labels());
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    assertEquals(0, allocated, "bytes allocated by 1000 steps");
  }
}
