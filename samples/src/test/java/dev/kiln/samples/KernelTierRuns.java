package dev.kiln.samples;

import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.KilnTrainer;
import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.optim.Optimizer;
import dev.kiln.runtime.optim.Sgd;
import dev.kiln.runtime.testing.Batch;
import dev.kiln.samples.blobs.BlobNetModel;
import dev.kiln.samples.fixtures.MlpSizedModel;
import dev.kiln.samples.fixtures.MnistSizedModel;
import dev.kiln.samples.fixtures.WordLanguageModel;
import dev.kiln.samples.lenet.LeNet5Model;

/**
 * A child JVM's workload for {@link KernelTiersTest}: long enough on each kind of network (batched inference
 * through the packed product, MLP, CNN and Transformer training) that the JIT compiles their kernels at every
 * tier it will.
 */
public final class KernelTierRuns {
  private KernelTierRuns() {}

  public static void main(String[] args) {
    MnistSizedModel mnist = MnistSizedModel.create(0);
    float[] wide = Batch.random(mnist, mnist.trainer(Sgd.lr(0.01f)), 256, 3).x();
    float[] out = new float[256 * MnistSizedModel.OUT];
    for (int i = 0; i < 600; i++) mnist.forward(wide, out);

    train(MlpSizedModel.create(0), Adam.lr(1e-3f), 160, 200);
    train(MnistSizedModel.create(0), Sgd.lr(0.01f).momentum(0.9f), 64, 600);
    train(LeNet5Model.create(0), Sgd.lr(0.01f).momentum(0.9f), 64, 150);
    train(BlobNetModel.create(0), Adam.lr(0.01f), 200, 20_000);
    train(WordLanguageModel.create(0), Adam.lr(1e-3f), 16, 300);
  }

  private static void train(KilnModel model, Optimizer optimizer, int rows, int steps) {
    KilnTrainer trainer = model.trainer(optimizer);
    Batch batch = Batch.random(model, trainer, rows, 3);
    for (int i = 0; i < steps; i++) batch.step(trainer);
  }
}
