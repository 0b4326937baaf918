package dev.kiln.samples.blobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.testing.Batch;
import dev.kiln.samples.fixtures.WordLanguageModel;
import dev.kiln.samples.fixtures.WordLanguageTrainer;
import dev.kiln.runtime.optim.Sgd;
import dev.kiln.samples.fixtures.MlpSizedModel;
import dev.kiln.samples.fixtures.MlpSizedTrainer;
import dev.kiln.samples.fixtures.MnistSizedModel;
import dev.kiln.samples.fixtures.MnistSizedTrainer;
import dev.kiln.samples.fixtures.NormCnnModel;
import dev.kiln.samples.fixtures.NormCnnTrainer;
import dev.kiln.samples.lenet.LeNet5Model;
import dev.kiln.samples.lenet.LeNet5Trainer;
import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * After warm-up, a training step and an inference call allocate nothing: workspaces are reused, and so
 * are the kernels' operands, on one thread and when work is split between two. Measured with the
 * thread's allocated-bytes counter, not with timing.
 */
// The Linear products compile to allocation-free code for the MLPs when those run first; after LeNet-5's
// shapes the JIT's profile of them differs and, on JDK 17, so can what it makes of them.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrainingAllocationTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  @Test
  @Order(1)
  void smallTrainingStepsAllocateNothingAfterWarmUp() {
    Blobs data = Blobs.generate(1);
    BlobNetTrainer trainer = BlobNetModel.create(0).trainer(Adam.lr(0.01f));
    assertEquals(0, allocated(() -> trainer.step(data.x(), data.labels()), 20_000, 1_000));
  }

  @Test
  @Order(2)
  void smallInferenceCallsIntoAnArrayAllocateNothingAfterWarmUp() {
    Blobs data = Blobs.generate(1);
    BlobNetModel model = BlobNetModel.create(0);
    float[] out = new float[data.size() * BlobNetModel.OUT];
    assertEquals(0, allocated(() -> model.forward(data.x(), out), 20_000, 1_000));
  }

  @Test
  @Order(3)
  void largeTrainingStepsAllocateNothingAfterWarmUp() {
    float[] x = random(64 * 784);
    int[] y = new int[64];
    for (int i = 0; i < y.length; i++) y[i] = i % 10;
    MnistSizedTrainer trainer = MnistSizedModel.create(0).trainer(Sgd.lr(0.01f).momentum(0.9f));
    assertEquals(0, allocated(() -> trainer.step(x, y), 600, 50));
  }

  @Test
  @Order(4)
  void trainingStepsWithPackedProductsAllocateNothingAfterWarmUp() {
    float[] x = random(160 * 784);
    int[] y = new int[160];
    for (int i = 0; i < y.length; i++) y[i] = i % 10;
    MlpSizedTrainer trainer = MlpSizedModel.create(0).trainer(Adam.lr(1e-3f));
    assertEquals(0, allocated(() -> trainer.step(x, y), 400, 30));
  }

  @Test
  @Order(6)
  void convolutionalTrainingStepsAllocateNothingAfterWarmUp() {
    float[] x = random(64 * 784);
    int[] y = new int[64];
    for (int i = 0; i < y.length; i++) y[i] = i % 10;
    LeNet5Trainer trainer = LeNet5Model.create(0).trainer(Sgd.lr(0.01f).momentum(0.9f));
    assertEquals(0, allocated(() -> trainer.step(x, y), 300, 20));
  }

  @Test
  @Order(7)
  void normalizedTrainingStepsAndInferenceAllocateNothingAfterWarmUp() {
    float[] x = random(16 * 60);
    float[] y = random(16 * 2);
    NormCnnModel model = NormCnnModel.create(0);
    NormCnnTrainer trainer = model.trainer(Adam.lr(1e-3f));
    assertEquals(0, allocated(() -> trainer.step(x, y), 20_000, 1_000), "training");
    float[] out = new float[16 * 2];
    assertEquals(0, allocated(() -> model.forward(x, out), 20_000, 1_000), "inference");
  }

  @Test
  @Order(8)
  void tokenModelTrainingStepsAndInferenceAllocateNothingAfterWarmUp() {
    WordLanguageModel model = WordLanguageModel.create(0);
    int[] tokens = Batch.tokens(model, 16, new Random(5));
    int[] y = new int[16];
    for (int i = 0; i < y.length; i++) y[i] = i % 5;
    WordLanguageTrainer trainer = model.trainer(Adam.lr(1e-3f), 7);
    assertEquals(0, allocated(() -> trainer.step(tokens, y), 300, 20), "training");
    float[] out = new float[16 * WordLanguageModel.OUT];
    assertEquals(0, allocated(() -> model.forward(tokens, out), 300, 20), "inference");
  }

  @Test
  @Order(5)
  void largeInferenceCallsIntoAnArrayAllocateNothingAfterWarmUp() {
    float[] x = random(64 * 784);
    float[] out = new float[64 * 10];
    MnistSizedModel model = MnistSizedModel.create(0);
    assertEquals(0, allocated(() -> model.forward(x, out), 1_000, 50));
  }

  /**
   * Bytes this thread allocates over {@code measured} runs once the JIT has compiled them: after
   * {@code warmUp} runs, windows of {@code measured} runs are measured until one allocates nothing, thirty
   * at most, and the last is returned. Code the JIT has not compiled yet boxes vectors, and when it gets
   * to compile depends on the machine's load: a 2-10-2 network's steps were seen to box one vector each
   * for five windows after 20,000 warm-up steps, while C2 recompiled them (ten windows were once not
   * enough in a full build). An allocation in every step shows in every window.
   */
  private static long allocated(Runnable run, int warmUp, int measured) {
    for (int i = 0; i < warmUp; i++) run.run();
    long thread = Thread.currentThread().getId();
    long bytes = -1;
    for (int window = 0; window < 30 && bytes != 0; window++) {
      long before = THREADS.getThreadAllocatedBytes(thread);
      for (int i = 0; i < measured; i++) run.run();
      bytes = THREADS.getThreadAllocatedBytes(thread) - before;
    }
    return bytes;
  }

  private static float[] random(int n) {
    Random random = new Random(3);
    float[] values = new float[n];
    for (int i = 0; i < n; i++) values[i] = (float) random.nextGaussian();
    return values;
  }
}
