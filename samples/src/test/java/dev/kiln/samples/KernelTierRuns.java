package dev.kiln.samples;

import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.optim.Sgd;
import dev.kiln.runtime.testing.Batch;
import dev.kiln.samples.blobs.BlobNetModel;
import dev.kiln.samples.blobs.BlobNetTrainer;
import dev.kiln.samples.blobs.Blobs;
import dev.kiln.samples.fixtures.MlpSizedModel;
import dev.kiln.samples.fixtures.MlpSizedTrainer;
import dev.kiln.samples.fixtures.MnistSizedModel;
import dev.kiln.samples.fixtures.MnistSizedTrainer;
import dev.kiln.samples.fixtures.WordLanguageModel;
import dev.kiln.samples.fixtures.WordLanguageTrainer;
import dev.kiln.samples.lenet.LeNet5Model;
import dev.kiln.samples.lenet.LeNet5Trainer;
import java.util.Random;

/**
 * A child JVM's workload for {@link KernelTiersTest}: long enough on each kind of network (batched inference
 * through the packed product, MLP, CNN and Transformer training) that the JIT compiles their kernels at every
 * tier it will.
 */
public final class KernelTierRuns {
  private KernelTierRuns() {}

  public static void main(String[] args) {
    float[] wide = random(256 * 784);
    MnistSizedModel mnist = MnistSizedModel.create(0);
    float[] out = new float[256 * MnistSizedModel.OUT];
    for (int i = 0; i < 600; i++) mnist.forward(wide, out);

    int[] labels = new int[160];
    for (int i = 0; i < labels.length; i++) labels[i] = i % 10;
    MlpSizedTrainer mlp = MlpSizedModel.create(0).trainer(Adam.lr(1e-3f));
    float[] x = random(160 * 784);
    for (int i = 0; i < 200; i++) mlp.step(x, labels);

    MnistSizedTrainer small = MnistSizedModel.create(0).trainer(Sgd.lr(0.01f).momentum(0.9f));
    float[] x64 = random(64 * 784);
    int[] y64 = java.util.Arrays.copyOf(labels, 64);
    for (int i = 0; i < 600; i++) small.step(x64, y64);

    LeNet5Trainer lenet = LeNet5Model.create(0).trainer(Sgd.lr(0.01f).momentum(0.9f));
    for (int i = 0; i < 150; i++) lenet.step(x64, y64);

    Blobs blobs = Blobs.generate(1);
    BlobNetTrainer blob = BlobNetModel.create(0).trainer(Adam.lr(0.01f));
    for (int i = 0; i < 20_000; i++) blob.step(blobs.x(), blobs.labels());

    WordLanguageModel words = WordLanguageModel.create(0);
    int[] tokens = Batch.tokens(words, 16, new Random(5));
    int[] y16 = new int[16];
    for (int i = 0; i < y16.length; i++) y16[i] = i % 5;
    WordLanguageTrainer language = words.trainer(Adam.lr(1e-3f), 7);
    for (int i = 0; i < 300; i++) language.step(tokens, y16);
  }

  private static float[] random(int n) {
    Random random = new Random(3);
    float[] values = new float[n];
    for (int i = 0; i < n; i++) values[i] = (float) random.nextGaussian();
    return values;
  }
}
